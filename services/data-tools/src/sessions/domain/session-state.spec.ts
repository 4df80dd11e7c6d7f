import type { ColumnSchema } from '@hydroml/contracts';
import {
  applyStep,
  deleteStep,
  editStep,
  jump,
  loadRecipe,
  redo,
  reset,
  undo,
  type SessionState,
} from './session-state.js';

const schema = (name: string): ColumnSchema[] => [{ name, type: 'integer', sourceType: 'BIGINT' }];
const step = (n: number) => ({ op: 'rows.slice', params: { limit: n } });
const three: SessionState = {
  steps: [step(1), step(2), step(3)],
  head: 3,
  schemas: [schema('s0'), schema('s1'), schema('s2'), schema('s3')],
};

describe('session state', () => {
  it('undoes and redoes by moving the head, keeping the tail', () => {
    const undone = undo(undo(three).state).state;
    expect(undone).toMatchObject({ head: 1, steps: three.steps });
    expect(redo(undone).state.head).toBe(2);
    expect(() => undo({ ...three, head: 0 })).toThrow('nothing to undo');
    expect(() => redo(three)).toThrow('nothing to redo');
  });

  it('drops the redo tail when a step is applied after an undo', () => {
    const { state, validateAll } = applyStep(undo(undo(three).state).state, step(9));
    expect(state.steps).toEqual([step(1), step(9)]);
    expect(state.head).toBe(2);
    expect(state.schemas).toHaveLength(2);
    expect(validateAll).toBe(false);
  });

  it('edits and deletes a step, truncating known schemas and validating every later step', () => {
    const edited = editStep(three, 1, { limit: 7 });
    expect(edited.state.steps[1]).toEqual({ op: 'rows.slice', params: { limit: 7 } });
    expect(edited.state.schemas).toHaveLength(2);
    expect(edited).toMatchObject({ validateAll: true, refitFrom: 1 });
    const deleted = deleteStep({ ...three, head: 2 }, 0);
    expect(deleted.state).toMatchObject({ steps: [step(2), step(3)], head: 1 });
    expect(deleted.state.schemas).toHaveLength(1);
    expect(deleted.refitFrom).toBe(0);
    expect(deleteStep({ ...three, head: 1 }, 2).state.head).toBe(1);
    expect(() => editStep(three, 3, {})).toThrow(/there is no step 3/);
  });

  it('jumps to any step, resets, and loads a recipe replacing or appending', () => {
    expect(jump(three, 0).state.head).toBe(0);
    expect(() => jump(three, 4)).toThrow('the head can move to 0..3, not 4');
    expect(reset(three).state).toEqual({ steps: [], head: 0, schemas: [schema('s0')] });
    expect(loadRecipe({ ...three, head: 1 }, [step(5)], 'append').state).toMatchObject({
      steps: [step(1), step(5)],
      head: 2,
    });
    expect(loadRecipe(three, [step(5)], 'replace').state).toMatchObject({
      steps: [step(5)],
      head: 1,
    });
  });
});

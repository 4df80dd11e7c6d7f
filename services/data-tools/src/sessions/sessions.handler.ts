import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ApplyRecipeDto,
  ApplyStepDto,
  EditStepDto,
  JumpDto,
  ListSessionsDto,
  OpenSessionDto,
  SaveSessionDto,
  SessionColumnValuesDto,
  SessionRefDto,
  SessionRowsDto,
  SessionsContracts as S,
  StepRefDto,
  type CallContext,
  type ColumnValues,
  type GridRows,
  type JobView,
  type RecipeExport,
  type SessionStateView,
  type SessionView,
} from '@hydroml/contracts';
import { Call } from '@hydroml/nest-kit';
import { SessionEdits } from './session-edits.service.js';
import { SessionSaves } from './session-saves.service.js';
import { SessionsService } from './sessions.service.js';

type State = Promise<SessionStateView>;

@Controller()
export class SessionsHandler {
  constructor(
    private readonly sessions: SessionsService,
    private readonly edits: SessionEdits,
    private readonly saves: SessionSaves,
  ) {}

  @MessagePattern(S.open.subject)
  open(@Payload() dto: OpenSessionDto, @Call() call: CallContext): State {
    return this.sessions.open(call, dto);
  }

  @MessagePattern(S.list.subject)
  list(@Payload() dto: ListSessionsDto, @Call() call: CallContext): Promise<SessionView[]> {
    return this.sessions.list(call, dto.dataSourceId);
  }

  @MessagePattern(S.get.subject)
  get(@Payload() dto: SessionRefDto, @Call() call: CallContext): State {
    return this.sessions.get(call, dto.sessionId);
  }

  @MessagePattern(S.remove.subject)
  remove(@Payload() dto: SessionRefDto, @Call() call: CallContext): Promise<{ ok: true }> {
    return this.sessions.remove(call, dto.sessionId);
  }

  @MessagePattern(S.rows.subject)
  rows(@Payload() dto: SessionRowsDto, @Call() call: CallContext): Promise<GridRows> {
    return this.sessions.rows(call, dto.sessionId, dto.request);
  }

  @MessagePattern(S.columnValues.subject)
  columnValues(
    @Payload() dto: SessionColumnValuesDto,
    @Call() call: CallContext,
  ): Promise<ColumnValues> {
    return this.sessions.columnValues(call, dto);
  }

  @MessagePattern(S.applyStep.subject)
  apply(@Payload() dto: ApplyStepDto, @Call() call: CallContext): State {
    const step = { op: dto.op, params: dto.params ?? {} };
    return this.edits.apply(call, dto.sessionId, step, dto.previewRows);
  }

  @MessagePattern(S.editStep.subject)
  edit(@Payload() dto: EditStepDto, @Call() call: CallContext): State {
    return this.edits.edit(call, dto.sessionId, dto.index, dto.params);
  }

  @MessagePattern(S.deleteStep.subject)
  deleteStep(@Payload() dto: StepRefDto, @Call() call: CallContext): State {
    return this.edits.remove(call, dto.sessionId, dto.index);
  }

  @MessagePattern(S.undo.subject)
  undo(@Payload() dto: SessionRefDto, @Call() call: CallContext): State {
    return this.edits.undo(call, dto.sessionId);
  }

  @MessagePattern(S.redo.subject)
  redo(@Payload() dto: SessionRefDto, @Call() call: CallContext): State {
    return this.edits.redo(call, dto.sessionId);
  }

  @MessagePattern(S.reset.subject)
  reset(@Payload() dto: SessionRefDto, @Call() call: CallContext): State {
    return this.edits.reset(call, dto.sessionId);
  }

  @MessagePattern(S.jump.subject)
  jump(@Payload() dto: JumpDto, @Call() call: CallContext): State {
    return this.edits.jump(call, dto.sessionId, dto.index);
  }

  @MessagePattern(S.save.subject)
  save(@Payload() dto: SaveSessionDto, @Call() call: CallContext): Promise<JobView> {
    return this.saves.save(call, dto);
  }

  @MessagePattern(S.exportRecipe.subject)
  exportRecipe(@Payload() dto: SessionRefDto, @Call() call: CallContext): Promise<RecipeExport> {
    return this.sessions.exportRecipe(call, dto.sessionId);
  }

  @MessagePattern(S.applyRecipe.subject)
  applyRecipe(@Payload() dto: ApplyRecipeDto, @Call() call: CallContext): State {
    return this.sessions.applyRecipe(call, dto);
  }
}

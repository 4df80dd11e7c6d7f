import { contract } from '../contract.js';
import { CreatePresetDto, ListPresetsDto, PresetIdDto, type PresetView } from './presets.dto.js';

export const PresetContracts = {
  create: contract<CreatePresetDto, PresetView>('experiments.presets.create', CreatePresetDto),
  list: contract<ListPresetsDto, PresetView[]>('experiments.presets.list', ListPresetsDto),
  delete: contract<PresetIdDto, { deleted: true }>('experiments.presets.delete', PresetIdDto),
} as const;

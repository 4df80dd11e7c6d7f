import { DomainError, MODEL_STAGES, type ModelStage } from '@hydroml/contracts';

/** A stage name in any case, as MLflow accepts it, in its canonical spelling. */
export function canonicalStage(stage: string): ModelStage {
  const found = MODEL_STAGES.find((s) => s.toLowerCase() === stage.toLowerCase());
  if (!found) {
    throw new DomainError(
      'invalid_argument',
      `Invalid Model Version stage: ${stage}. Value must be one of ${MODEL_STAGES.join(', ')}.`,
    );
  }
  return found;
}

export function versionNumber(version: string): number {
  if (!/^\d{1,9}$/.test(version)) {
    throw new DomainError(
      'invalid_argument',
      `Parameter 'version' must be an integer, got '${version}'.`,
    );
  }
  return Number(version);
}

export function validateModelName(name: string): void {
  if (name.trim() === '') {
    throw new DomainError('invalid_argument', "Missing value for required parameter 'name'.");
  }
}

/** Aliases look like identifiers; `latest` and version-like names (v1, V2) are reserved. */
export function validateAlias(alias: string): void {
  if (!/^[\w-]{1,255}$/.test(alias) || /^v\d+$/i.test(alias) || alias.toLowerCase() === 'latest') {
    throw new DomainError('invalid_argument', `Invalid alias name: '${alias}'.`);
  }
}

export function modelNotFound(name: string): DomainError {
  return new DomainError('not_found', `Registered Model with name=${name} not found`);
}

export function versionNotFound(name: string, version: string): DomainError {
  return new DomainError('not_found', `Model Version (name=${name}, version=${version}) not found`);
}

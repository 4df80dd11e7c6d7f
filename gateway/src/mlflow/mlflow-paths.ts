/** MLflow clients call both prefixes (the UI uses the ajax one); both map to the same handlers. */
export const MLFLOW_PREFIXES = ['api/2.0/mlflow', 'ajax-api/2.0/mlflow'];

export function mlflowPaths(resource: string): string[] {
  return MLFLOW_PREFIXES.map((prefix) => `${prefix}/${resource}`);
}

const pairs = (table: string, owner: string, id: string): string =>
  `(SELECT coalesce(json_agg(json_build_object('key', t.key, 'value', t.value) ORDER BY t.key), '[]')
    FROM ${table} t WHERE t.${owner} = ${id})`;

/** A model version (alias `v`, its model `m`) as MLflow's ModelVersion JSON. */
export const VERSION_JSON = `json_build_object(
  'name', m.name, 'version', v.version::text,
  'creation_timestamp', v.creation_time, 'last_updated_timestamp', v.last_update_time,
  'user_id', v.user_id, 'current_stage', v.current_stage, 'description', v.description,
  'source', v.source, 'run_id', v.run_id, 'run_link', v.run_link, 'status', 'READY',
  'tags', ${pairs('model_version_tags', 'version_id', 'v.id')},
  'aliases', (SELECT coalesce(json_agg(a.alias ORDER BY a.alias), '[]')
              FROM registered_model_aliases a WHERE a.model_id = v.model_id AND a.version = v.version))`;

/** A registered model (alias `m`) as MLflow's RegisteredModel JSON, latest version per stage. */
export const MODEL_JSON = `json_build_object(
  'name', m.name, 'creation_timestamp', m.creation_time, 'last_updated_timestamp', m.last_update_time,
  'user_id', m.user_id, 'description', m.description,
  'latest_versions', (SELECT coalesce(json_agg(${VERSION_JSON} ORDER BY v.version), '[]') FROM
     (SELECT DISTINCT ON (current_stage) * FROM model_versions
      WHERE model_id = m.id ORDER BY current_stage, version DESC) v),
  'tags', ${pairs('registered_model_tags', 'model_id', 'm.id')},
  'aliases', (SELECT coalesce(json_agg(json_build_object('alias', a.alias, 'version', a.version::text)
              ORDER BY a.alias), '[]') FROM registered_model_aliases a WHERE a.model_id = m.id))`;

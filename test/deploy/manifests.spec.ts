import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { SERVICE_NAMES } from '@hydroml/contracts';

const ROOT = join(import.meta.dirname, '..', '..');
const DEPLOYABLES = [...SERVICE_NAMES, 'gateway'];

interface ComposeService {
  build?: { args?: { APP?: string } };
  environment?: Record<string, string>;
  depends_on?: Record<string, unknown>;
  healthcheck?: unknown;
}

interface K8sObject {
  kind: string;
  metadata: { name: string };
  spec?: {
    template?: {
      spec: {
        containers: Array<{
          livenessProbe?: unknown;
          readinessProbe?: unknown;
          env?: Array<{ name: string; value?: string }>;
        }>;
      };
    };
  };
}

describe('deployment manifests', () => {
  it('docker-compose runs postgres, nats with JetStream, redis, every service and the gateway', () => {
    const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), {
      merge: true,
    }) as {
      services: Record<string, ComposeService & { command?: string[] }>;
    };
    expect(Object.keys(compose.services).sort()).toEqual(
      [...DEPLOYABLES, 'nats', 'postgres', 'redis'].sort(),
    );
    expect(compose.services.nats.command).toContain('-js');
    for (const name of SERVICE_NAMES) {
      const service = compose.services[name];
      expect(service.build?.args?.APP).toBe(`services/${name}`);
      expect(service.environment?.APP).toBe(`services/${name}`);
      expect(service.depends_on).toHaveProperty('postgres');
      expect(service.healthcheck).toBeDefined();
    }
    expect(compose.services.gateway.build?.args?.APP).toBe('gateway');
    // Containers share no disk: uploads, versions and artifacts go to JetStream's object store.
    for (const name of DEPLOYABLES) {
      expect(compose.services[name].environment?.BLOB_BACKEND).toBe('nats');
    }
  });

  it('Kubernetes has a Deployment with probes and a Service for every deployable', () => {
    const dir = join(ROOT, 'deploy', 'k8s');
    const objects = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
      .flatMap((f) =>
        parseAllDocuments(readFileSync(join(dir, f), 'utf8')).map((d) => d.toJSON() as K8sObject),
      );
    for (const name of DEPLOYABLES) {
      const deployment = objects.find(
        (o) => o.kind === 'Deployment' && o.metadata.name === `hydroml-${name}`,
      );
      const container = deployment?.spec?.template?.spec.containers[0];
      expect(container?.livenessProbe).toBeDefined();
      expect(container?.readinessProbe).toBeDefined();
      expect(
        objects.some((o) => o.kind === 'Service' && o.metadata.name === `hydroml-${name}`),
      ).toBe(true);
    }
    expect(objects.map((o) => o.kind)).toEqual(
      expect.arrayContaining(['ConfigMap', 'Secret', 'Namespace']),
    );
    const config = objects.find((o) => o.kind === 'ConfigMap') as unknown as {
      data: Record<string, string>;
    };
    expect(config.data.BLOB_BACKEND).toBe('nats');
    const kustomization = parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8')) as {
      resources: string[];
    };
    expect(kustomization.resources).toEqual(
      expect.arrayContaining(DEPLOYABLES.map((d) => `${d}.yaml`)),
    );
  });

  it('the Dockerfile builds any deployable chosen by a build argument', () => {
    const dockerfile = readFileSync(join(ROOT, 'deploy', 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/ARG APP=/);
    expect(dockerfile).toMatch(/\$\{APP\}\/dist\/main\.js/);
    for (const name of SERVICE_NAMES) expect(dockerfile).toContain(`services/${name}/package.json`);
  });
});

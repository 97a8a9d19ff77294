// Offline validation of deployment files for Platform.DeploymentTests (needs `npm ci`; no cluster, no Docker).
//   node validate-manifests.mjs k8s  < rendered.yaml   every object against the Kubernetes schemas
//                                                      (npm kubernetes-models) or the operator CRD shapes below
//   node validate-manifests.mjs yaml < file.yaml       one YAML document (anchors and merge keys resolved) as JSON
// Prints one JSON object on stdout: { objects: [...], problems: ["Kind/name: what is wrong", ...] } for k8s,
// the document for yaml. Exits non-zero only when it cannot run at all.
import { readFileSync } from "node:fs";
import { parseAllDocuments, parseDocument } from "yaml";
import Ajv from "ajv";
import { validate as validateAffinity } from "kubernetes-models/_schemas/IoK8sApiCoreV1Affinity";
import { validate as validateResources } from "kubernetes-models/_schemas/IoK8sApiCoreV1ResourceRequirements";

/** The problems of one object: its Kubernetes model's validation, or the CRD shape of an operator's kind. */
async function validateObject(object) {
  const crd = customResources[`${object.apiVersion}/${object.kind}`];
  if (crd) {
    return crd(object);
  }
  let model;
  try {
    model = await import(modelPath(object.apiVersion, object.kind));
  } catch {
    return [`no schema for ${object.apiVersion} ${object.kind}`];
  }
  const Model = model[object.kind];
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return [error.message];
  }
}

function modelPath(apiVersion, kind) {
  // "v1" is the core group; "apps/v1" is group apps, version v1.
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  return group ? `kubernetes-models/${group}/${version}/${kind}` : `kubernetes-models/${version}/${kind}`;
}

// --- The operators' custom resources this platform uses, as far as it uses them. Unknown fields are refused
// (additionalProperties: false), so a misspelt field fails here rather than being silently dropped by the
// operator. Field names and enums follow CloudNativePG's postgresql.cnpg.io/v1 Cluster and the RabbitMQ
// Cluster Operator's rabbitmq.com/v1beta1 RabbitmqCluster.
const ajv = new Ajv({ allErrors: true, strict: true });
const quantity = { type: "string", pattern: "^[0-9]+(\\.[0-9]+)?(m|k|Ki|Mi|Gi|Ti|M|G|T)?$" };
const pinnedImage = { type: "string", pattern: ":[0-9][^:@]*$|@sha256:" };
const metadata = {
  type: "object",
  required: ["name"],
  properties: { name: { type: "string", pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" } },
};

const cnpgCluster = ajv.compile({
  type: "object",
  required: ["apiVersion", "kind", "metadata", "spec"],
  properties: {
    apiVersion: { const: "postgresql.cnpg.io/v1" },
    kind: { const: "Cluster" },
    metadata,
    spec: {
      type: "object",
      additionalProperties: false,
      required: ["instances", "storage", "bootstrap"],
      properties: {
        instances: { type: "integer", minimum: 1 },
        imageName: pinnedImage,
        enableSuperuserAccess: { type: "boolean" },
        primaryUpdateStrategy: { enum: ["unsupervised", "supervised"] },
        primaryUpdateMethod: { enum: ["switchover", "restart"] },
        minSyncReplicas: { type: "integer", minimum: 0 },
        maxSyncReplicas: { type: "integer", minimum: 0 },
        bootstrap: {
          type: "object",
          additionalProperties: false,
          properties: {
            initdb: {
              type: "object",
              additionalProperties: false,
              required: ["database", "owner"],
              properties: {
                database: { type: "string" },
                owner: { type: "string" },
                encoding: { type: "string" },
                localeCollate: { type: "string" },
                localeCType: { type: "string" },
                dataChecksums: { type: "boolean" },
                secret: { type: "object", additionalProperties: false, required: ["name"], properties: { name: { type: "string" } } },
                postInitApplicationSQL: { type: "array", items: { type: "string" } },
              },
            },
          },
        },
        // Declarative role management (.spec.managed.roles, RoleConfiguration): the services' own roles.
        managed: {
          type: "object",
          additionalProperties: false,
          properties: {
            roles: {
              type: "array",
              items: {
                type: "object",
                additionalProperties: false,
                required: ["name"],
                properties: {
                  name: { type: "string", pattern: "^[a-z_][a-z0-9_]*$" },
                  comment: { type: "string" },
                  ensure: { enum: ["present", "absent"] },
                  passwordSecret: { type: "object", additionalProperties: false, required: ["name"], properties: { name: { type: "string" } } },
                  disablePassword: { type: "boolean" },
                  validUntil: { type: "string" },
                  connectionLimit: { type: "integer", minimum: -1 },
                  inRoles: { type: "array", items: { type: "string" } },
                  inherit: { type: "boolean" },
                  login: { type: "boolean" },
                  superuser: { type: "boolean" },
                  createdb: { type: "boolean" },
                  createrole: { type: "boolean" },
                  replication: { type: "boolean" },
                  bypassrls: { type: "boolean" },
                },
              },
            },
          },
        },
        postgresql: {
          type: "object",
          additionalProperties: false,
          properties: { parameters: { type: "object", additionalProperties: { type: "string" } } },
        },
        storage: {
          type: "object",
          additionalProperties: false,
          required: ["size"],
          properties: { size: quantity, storageClass: { type: "string" } },
        },
        resources: { type: "object" },
        affinity: {
          type: "object",
          additionalProperties: false,
          properties: {
            enablePodAntiAffinity: { type: "boolean" },
            topologyKey: { type: "string" },
            podAntiAffinityType: { enum: ["preferred", "required"] },
          },
        },
      },
    },
  },
});

const rabbitmqCluster = ajv.compile({
  type: "object",
  required: ["apiVersion", "kind", "metadata", "spec"],
  properties: {
    apiVersion: { const: "rabbitmq.com/v1beta1" },
    kind: { const: "RabbitmqCluster" },
    metadata,
    spec: {
      type: "object",
      additionalProperties: false,
      properties: {
        replicas: { type: "integer", minimum: 0 },
        image: pinnedImage,
        resources: { type: "object" },
        persistence: {
          type: "object",
          additionalProperties: false,
          properties: { storage: quantity, storageClassName: { type: "string" } },
        },
        rabbitmq: {
          type: "object",
          additionalProperties: false,
          properties: {
            additionalConfig: { type: "string", maxLength: 2000 },
            advancedConfig: { type: "string", maxLength: 100000 },
            envConfig: { type: "string", maxLength: 100000 },
            additionalPlugins: { type: "array", maxItems: 100, items: { type: "string", pattern: "^\\w+$" } },
          },
        },
        affinity: { type: "object" },
      },
    },
  },
});

const customResources = {
  "postgresql.cnpg.io/v1/Cluster": (object) => [
    ...schemaProblems(cnpgCluster, object),
    ...nested(validateResources, object.spec?.resources, "spec.resources"),
    // The operator refuses more synchronous replicas than there are replicas.
    ...(object.spec?.maxSyncReplicas !== undefined && object.spec.maxSyncReplicas >= object.spec.instances
      ? ["spec.maxSyncReplicas must be lower than spec.instances"] : []),
    ...(object.spec?.minSyncReplicas > (object.spec?.maxSyncReplicas ?? 0)
      ? ["spec.minSyncReplicas must not exceed spec.maxSyncReplicas"] : []),
  ],
  "rabbitmq.com/v1beta1/RabbitmqCluster": (object) => [
    ...schemaProblems(rabbitmqCluster, object),
    ...nested(validateResources, object.spec?.resources, "spec.resources"),
    ...nested(validateAffinity, object.spec?.affinity, "spec.affinity"),
  ],
};

function schemaProblems(validate, object) {
  return validate(object) ? [] : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? `: ${e.params.additionalProperty}` : ""}`);
}

/** A part of a custom resource that is a core Kubernetes type, validated by that type's schema. */
function nested(validate, value, path) {
  if (value === undefined || validate(value)) {
    return [];
  }
  return validate.errors.map((e) => `${path}${e.instancePath.replaceAll("/", ".")} ${e.message}`);
}

async function main() {
  const mode = process.argv[2];
  const input = readFileSync(0, "utf8");
  if (mode === "yaml") {
    const document = parseDocument(input, { merge: true });
    if (document.errors.length > 0) {
      throw new Error(document.errors.map((e) => e.message).join("\n"));
    }
    process.stdout.write(JSON.stringify(document.toJS({ maxAliasCount: -1 })));
  } else if (mode === "k8s") {
    const objects = [];
    const problems = [];
    for (const document of parseAllDocuments(input)) {
      if (document.errors.length > 0) {
        problems.push(`YAML: ${document.errors.map((e) => e.message).join("; ")}`);
        continue;
      }
      const object = document.toJS();
      if (object === null) {
        continue;
      }
      objects.push(object);
      const name = `${object.kind}/${object.metadata?.name}`;
      for (const problem of await validateObject(object)) {
        problems.push(`${name}: ${problem}`);
      }
    }
    process.stdout.write(JSON.stringify({ objects, problems }));
  } else {
    throw new Error("usage: node validate-manifests.mjs k8s|yaml < FILE");
  }
}

await main();

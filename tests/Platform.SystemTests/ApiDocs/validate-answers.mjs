// Validates live answers against the OpenAPI document's schemas, as an outside client's validator would.
// Usage: node validate-answers.mjs <openapi.json> <answers.json>
// answers.json: [{ "path": "/api/…/{code}", "verb": "get", "status": 200, "contentType": "application/json", "body": … }]
// Prints {"checked": n, "failures": ["…"]} on stdout; exits 0 (the test decides).
//
// OpenAPI 3.1 schemas are JSON Schema 2020-12: the components become $defs of one schema (their "#/components/schemas/X"
// references rewritten to it) and Ajv's 2020 dialect validates each answer against its status's response schema.
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [documentPath, answersPath] = process.argv.slice(2);
const document = JSON.parse(readFileSync(documentPath, "utf8"));
const answers = JSON.parse(readFileSync(answersPath, "utf8"));

const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, strictTypes: false });
addFormats(ajv);
// OpenAPI's formats: 64-bit integers are strings of digits (proto3 JSON), the 32-bit ones JSON numbers.
ajv.addFormat("int64", { type: "string", validate: (s) => /^-?\d+$/.test(s) });
ajv.addFormat("uint64", { type: "string", validate: (s) => /^\d+$/.test(s) });
ajv.addFormat("int32", { type: "number", validate: (n) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
ajv.addFormat("double", { type: "number", validate: () => true });
ajv.addFormat("float", { type: "number", validate: () => true });
ajv.addFormat("byte", { type: "string", validate: (s) => /^[A-Za-z0-9+/]*={0,2}$/.test(s) });

const rewrite = (node) => {
  if (Array.isArray(node)) return node.map(rewrite);
  if (node && typeof node === "object") {
    return Object.fromEntries(Object.entries(node).map(([key, value]) =>
      [key, key === "$ref" && typeof value === "string" ? value.replace("#/components/schemas/", "openapi.json#/$defs/") : rewrite(value)]));
  }
  return node;
};
ajv.addSchema({ $id: "openapi.json", $defs: rewrite(document.components.schemas) });

const responseOf = (operation, status) => {
  let response = operation.responses[String(status)] ?? operation.responses.default;
  if (response?.$ref) response = document.components.responses[response.$ref.split("/").pop()];
  return response;
};

const failures = [];
let checked = 0;
for (const answer of answers) {
  const where = `${answer.verb.toUpperCase()} ${answer.path} → ${answer.status}`;
  const operation = document.paths[answer.path]?.[answer.verb];
  if (!operation) {
    failures.push(`${where}: not in the document`);
    continue;
  }
  if (!operation.responses[String(answer.status)]) {
    failures.push(`${where}: the document does not list this status for the route`);
  }
  const response = responseOf(operation, answer.status);
  const mediaType = (answer.contentType ?? "").split(";")[0].trim();
  const content = response?.content?.[mediaType];
  if (!content) {
    failures.push(`${where}: answered ${mediaType || "no content type"}, the document says ${Object.keys(response?.content ?? {}).join(", ") || "no body"}`);
    continue;
  }
  const validate = ajv.compile(rewrite({ $schema: "https://json-schema.org/draft/2020-12/schema", ...content.schema }));
  checked++;
  if (!validate(answer.body)) {
    const errors = validate.errors.slice(0, 5).map((e) => `${e.instancePath || "/"} ${e.message}`).join("; ");
    failures.push(`${where}: ${errors}`);
  }
}
process.stdout.write(JSON.stringify({ checked, failures }));

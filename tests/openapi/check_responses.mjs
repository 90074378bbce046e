// Checks every JSON answer the integration tests received (SENDHUB_RESPONSE_LOG, one JSON
// line each) against the schema docs/openapi.yaml documents for that operation and status,
// so the document cannot drift from the code. An error status the operation does not list
// is checked against the shared Error schema; a success it does not list is a failure.
// Usage: node tests/openapi/check_responses.mjs RESPONSE_LOG [docs/openapi.yaml]
import SwaggerParser from "@apidevtools/swagger-parser";
import Ajv from "ajv";
import fs from "node:fs";

const [logFile, docFile = "docs/openapi.yaml"] = process.argv.slice(2);
const api = await SwaggerParser.dereference(docFile);
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);
ajv.addFormat("email", /^[^@\s]+@[^@\s]+$/);
// OpenAPI 3.0's `nullable` is not JSON Schema: turn it into a type that allows null.
function toJsonSchema(schema) {
  if (!schema || typeof schema !== "object") return schema;
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  const out = {};
  for (const [k, v] of Object.entries(schema)) out[k] = k === "example" ? v : toJsonSchema(v);
  if (out.nullable) {
    delete out.nullable;
    if (typeof out.type === "string") out.type = [out.type, "null"];
    else if (out.$ref || out.allOf || out.oneOf || out.anyOf) return { anyOf: [out, { type: "null" }] };
  }
  return out;
}

const operations = Object.entries(api.paths).map(([template, item]) => ({
  template,
  pattern: new RegExp("^" + template.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+") + "$"),
  item,
  literal: template.split("/").filter((s) => !s.startsWith("{")).length,
}));
// "/api/v1/requests/mine" must match its own entry, not "/api/v1/requests/{id}".
operations.sort((a, b) => b.literal - a.literal);

const validators = new Map();
function validatorFor(key, schema) {
  if (!validators.has(key)) validators.set(key, ajv.compile(toJsonSchema(schema)));
  return validators.get(key);
}
const errorSchema = api.components.schemas.Error;

const failures = new Map();
let checked = 0;
const lines = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").split("\n").filter(Boolean) : [];
for (const line of lines) {
  const { method, path, status, body } = JSON.parse(line);
  const operation = operations.find((o) => o.pattern.test(path));
  const where = `${method} ${operation ? operation.template : path} ${status}`;
  const fail = (why) => failures.set(where, why);
  const op = operation?.item[method.toLowerCase()];
  if (!op) { fail("not in the document"); continue; }
  const documented = op.responses?.[String(status)] ?? op.responses?.default;
  let schema = documented?.content?.["application/json"]?.schema;
  if (!documented) {
    if (status < 400) { fail("this status is not documented"); continue; }
    schema = { type: "object", required: ["error"], properties: { error: errorSchema } };
  }
  if (!schema) continue;  // documented without a body schema: nothing more to check
  const validate = validatorFor(where, schema);
  checked++;
  if (!validate(body)) fail(ajv.errorsText(validate.errors) + "\n    " + JSON.stringify(body).slice(0, 300));
}

for (const [where, why] of failures) console.error(`openapi: ${where}: ${why}`);
console.log(`openapi: ${lines.length} answers, ${checked} checked against a schema, ${failures.size} operations disagree`);
console.log(`${failures.size === 0 ? 1 : 0} passed, ${failures.size === 0 ? 0 : 1} failed`);
process.exit(failures.size === 0 ? 0 : 1);

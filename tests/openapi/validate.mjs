// Validates docs/openapi.yaml as OpenAPI 3 (structure, $refs, schemas) with a real
// validator, so the document clients read cannot quietly stop being one.
// Usage: node tests/openapi/validate.mjs [docs/openapi.yaml]
import SwaggerParser from "@apidevtools/swagger-parser";

const file = process.argv[2] ?? "docs/openapi.yaml";
try {
  const api = await SwaggerParser.validate(file);
  const operations = Object.values(api.paths).flatMap((item) =>
    Object.keys(item).filter((k) => ["get", "post", "put", "delete", "patch"].includes(k)));
  console.log(`openapi: ${file} is valid OpenAPI ${api.openapi} (${operations.length} operations)`);
  console.log("1 passed, 0 failed");
} catch (error) {
  console.error(`openapi: ${file} is not valid: ${error.message}`);
  for (const detail of error.details ?? []) console.error(`  ${detail.instancePath ?? ""} ${detail.message ?? JSON.stringify(detail)}`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}

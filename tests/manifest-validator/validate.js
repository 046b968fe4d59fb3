// Validates Teams app manifest JSON files (manifest.json, or a localization file such as es.json) with the official
// @microsoft/app-manifest package: AppManifestUtils.validateAgainstSchema picks the schema named by the file's
// "$schema" from the copies bundled in the package, so nothing is fetched. Prints one JSON line per file:
// {"file": "...", "errors": ["<instancePath> <message>", ...]} (or "failure" when the package cannot compile the schema)
// and exits 0: errors are data for the caller.
"use strict";
const fs = require("fs");
const { AppManifestUtils } = require("@microsoft/app-manifest");

async function main() {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error("usage: node validate.js <manifest.json> [<es.json> ...]");
    process.exit(2);
  }
  for (const file of files) {
    const json = JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
    const schemaUrl = json.$schema || "";
    if (!schemaUrl.startsWith("https://developer.microsoft.com/json-schemas/teams/")) {
      console.log(JSON.stringify({ file, errors: [`$schema ${schemaUrl} is not a bundled Teams schema`] }));
      continue;
    }
    try {
      const schema = await AppManifestUtils.fetchSchema(schemaUrl);
      const errors = await AppManifestUtils.validateAgainstSchema(json, schema);
      console.log(JSON.stringify({ file, errors }));
    } catch (error) {
      // 1.1.2 cannot compile its own localization schema (a pattern that is invalid with the "u" flag): say so.
      console.log(JSON.stringify({ file, failure: String(error && error.message ? error.message : error) }));
    }
  }
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});

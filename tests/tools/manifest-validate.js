#!/usr/bin/env node
// Validates Teams app manifests against the OFFICIAL JSON schema, offline: the schemas bundled in
// @microsoft/app-manifest@1.1.2 (build/json-schemas/teams/vX.Y/MicrosoftTeams.schema.json) and the package's own
// validator, AppManifestUtils.validateAgainstSchema(manifest, schema) (ajv with draft-04 plus ajv-formats; the same
// code as the deprecated ManifestUtil.validateManifestAgainstSchema). Passing the schema object keeps it offline: without
// one the package downloads the schema named by "$schema". The package needs fs-extra at runtime without declaring it:
// package.json installs fs-extra@11 next to it (botframework-protocol.md §6).
//
//   node manifest-validate.js <schema version, e.g. 1.29> manifest.json [more.json …]
//
// The schema version is given, not read from the manifest, so a manifest claiming another version fails its "const".
// Prints one JSON line per file: {"file":"…","schema":"v1.29","errors":["<instancePath> <message>. Details: …", …]}
// Exit code: 0 all valid, 1 at least one file invalid, 2 bad usage or a missing schema, 3 the package is missing.
'use strict';

const fs = require('fs');
const path = require('path');

let AppManifestUtils;
try {
  ({ AppManifestUtils } = require('@microsoft/app-manifest'));
} catch (e) {
  process.stderr.write(
    `manifest-validate: cannot load @microsoft/app-manifest (${e.message}).\n` +
    `Run "npm ci" in ${__dirname} (installs @microsoft/app-manifest@1.1.2 and fs-extra from package-lock.json).\n`);
  process.exit(3);
}

async function main(argv) {
  const [version, ...files] = argv;
  if (!version || !/^\d+\.\d+$/.test(version) || files.length === 0) {
    process.stderr.write('usage: node manifest-validate.js <schema version, e.g. 1.29> manifest.json [more.json …]\n');
    return 2;
  }

  const packageDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const schemaFile = path.join(packageDir, 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
  if (!fs.existsSync(schemaFile)) {
    process.stderr.write(`manifest-validate: no bundled schema v${version} (${schemaFile}).\n`);
    return 2;
  }

  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
  let invalid = false;
  for (const file of files) {
    let errors;
    try {
      const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
      errors = await AppManifestUtils.validateAgainstSchema(manifest, schema);
    } catch (e) {
      errors = [`not a readable JSON manifest: ${e.message}`];
    }
    invalid = invalid || errors.length > 0;
    process.stdout.write(JSON.stringify({ file, schema: `v${version}`, errors }) + '\n');
  }
  return invalid ? 1 : 0;
}

main(process.argv.slice(2)).then(code => { process.exitCode = code; }, e => {
  process.stderr.write(`manifest-validate: ${e.stack || e}\n`);
  process.exitCode = 2;
});

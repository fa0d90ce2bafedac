#!/usr/bin/env node
// Validates a SARIF log three ways; exits non-zero and says what failed on any problem.
//  1. Microsoft's SARIF multitool (`validate --rule-kind "Sarif;Ghas"`): the SARIF rules and
//     GitHub's ingestion rules. It exits 0 whatever it finds, so its own output log is read
//     and every error-level result counts as a failure.
//  2. Ajv (draft 2020-12 mode) against the sarif-2.1.0.json schema shipped in the multitool
//     package. That copy already declares draft 2020-12, so it is used unchanged; strict mode
//     is off because the schema uses keywords and formats Ajv's strict mode rejects.
//  3. Checks neither of them makes: security-severity is a string holding a number in
//     0..10; artifact URIs are relative (no scheme, no leading '/'); region lines and
//     columns are >= 1; every result's ruleIndex points at the rule named by its ruleId.
// Usage: node validate.mjs FILE.sarif [--json-schema SCHEMA FILE.json]
//   The optional second form validates a clearance JSON output file against its schema.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
const multitoolDir = path.dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json'));
const multitool = path.join(multitoolDir, 'Sarif.Multitool');
const sarifSchemaPath = path.join(multitoolDir, 'sarif-2.1.0.json');

const failures = [];
const fail = (stage, msg) => failures.push(`[${stage}] ${msg}`);

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function runMultitool(file) {
  // The package's postinstall only sets the execute bit; npm may have skipped it.
  try { fs.accessSync(multitool, fs.constants.X_OK); } catch { fs.chmodSync(multitool, 0o755); }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sarif-validate-'));
  const out = path.join(dir, 'out.sarif');
  try {
    const run = spawnSync(multitool,
      ['validate', '--rule-kind', 'Sarif;Ghas', '--log', 'ForceOverwrite', '-o', out, file],
      { encoding: 'utf8', env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } });
    if (run.error) return fail('multitool', `could not run ${multitool}: ${run.error.message}`);
    if (!fs.existsSync(out)) {
      return fail('multitool', `no output log (exit ${run.status}):\n${run.stdout}${run.stderr}`);
    }
    const log = readJson(out);
    let errors = 0, others = 0;
    for (const r of log.runs ?? []) {
      const rules = r.tool?.driver?.rules ?? [];
      for (const res of r.results ?? []) {
        const rule = rules[res.ruleIndex] ?? rules.find((x) => x.id === res.ruleId);
        const level = res.level ?? rule?.defaultConfiguration?.level ?? 'warning';
        const text = res.message?.text ?? formatMessage(rule, res.message);
        if (level === 'error') {
          errors++;
          fail('multitool', `${res.ruleId}: ${text}`);
        } else {
          others++;
          console.log(`  multitool ${level}: ${res.ruleId}: ${text}`);
        }
      }
      for (const inv of r.invocations ?? []) {
        for (const n of inv.toolExecutionNotifications ?? []) {
          if (n.level === 'error') fail('multitool', `tool error: ${n.message?.text}`);
        }
      }
    }
    console.log(`multitool: ${errors} error(s), ${others} other result(s)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Multitool results carry a message id plus arguments; the text lives in the rule.
function formatMessage(rule, message) {
  const template = rule?.messageStrings?.[message?.id]?.text;
  if (!template) return `${message?.id ?? ''} ${JSON.stringify(message?.arguments ?? [])}`;
  return template.replace(/\{(\d+)\}/g, (_, i) => message.arguments?.[Number(i)] ?? '');
}

function validateSchema(stage, schema, data) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  if (!validate(data)) {
    for (const e of validate.errors) fail(stage, `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  } else {
    console.log(`${stage}: valid`);
  }
}

function ownChecks(log) {
  const isRelative = (uri) => !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri) && !uri.startsWith('/');
  const checkRegion = (where, region) => {
    if (!region) return;
    for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn']) {
      if (k in region && !(Number.isInteger(region[k]) && region[k] >= 1)) {
        fail('checks', `${where}.region.${k} = ${region[k]}`);
      }
    }
  };
  const checkLocation = (where, loc) => {
    const p = loc?.physicalLocation;
    if (!p) return;
    const uri = p.artifactLocation?.uri;
    if (typeof uri !== 'string' || !isRelative(uri)) fail('checks', `${where}: artifact URI not relative: ${uri}`);
    checkRegion(where, p.region);
    checkRegion(`${where}.context`, p.contextRegion);
  };
  (log.runs ?? []).forEach((run, ri) => {
    const rules = run.tool?.driver?.rules ?? [];
    rules.forEach((rule, i) => {
      const sev = rule.properties?.['security-severity'];
      if (sev === undefined) return;
      const n = Number(sev);
      if (typeof sev !== 'string' || sev.trim() === '' || !Number.isFinite(n) || n < 0 || n > 10) {
        fail('checks', `rule ${rule.id} (#${i}): security-severity ${JSON.stringify(sev)} is not a string number in 0..10`);
      }
    });
    (run.results ?? []).forEach((res, i) => {
      const where = `runs[${ri}].results[${i}]`;
      if (res.ruleIndex !== undefined && rules[res.ruleIndex]?.id !== res.ruleId) {
        fail('checks', `${where}: ruleIndex ${res.ruleIndex} is ${rules[res.ruleIndex]?.id}, not ${res.ruleId}`);
      }
      (res.locations ?? []).forEach((l, j) => checkLocation(`${where}.locations[${j}]`, l));
      (res.relatedLocations ?? []).forEach((l, j) => checkLocation(`${where}.relatedLocations[${j}]`, l));
    });
    (run.invocations ?? []).forEach((inv, k) => (inv.toolExecutionNotifications ?? []).forEach((n, j) =>
      (n.locations ?? []).forEach((l, m) =>
        checkLocation(`runs[${ri}].invocations[${k}].toolExecutionNotifications[${j}].locations[${m}]`, l))));
  });
  console.log('checks: done');
}

const args = process.argv.slice(2);
if (args.length !== 1 && !(args.length === 4 && args[1] === '--json-schema')) {
  console.error('usage: node validate.mjs FILE.sarif [--json-schema SCHEMA FILE.json]');
  process.exit(2);
}
const file = path.resolve(args[0]);
let log;
try {
  log = readJson(file);
} catch (e) {
  console.error(`${file}: not JSON: ${e.message}`);
  process.exit(1);
}
runMultitool(file);
validateSchema('schema', readJson(sarifSchemaPath), log);
ownChecks(log);
if (args.length === 4) validateSchema('json-output', readJson(args[2]), readJson(args[3]));

if (failures.length) {
  console.error(`${file}: ${failures.length} problem(s):`);
  for (const f of failures) console.error(`  ${f}`);
  process.exit(1);
}
console.log(`${file}: OK`);

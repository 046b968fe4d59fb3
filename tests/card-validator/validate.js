#!/usr/bin/env node
// Parses Adaptive Cards with the official `adaptivecards` library (pinned in package.json) and reports every
// event its parser and its property validation raise: unknown element or action types, invalid or missing values,
// duplicate ids, features above the target version. ChatCrm's Bot tests pipe every card the bot can emit through it.
//
//   node validate.js < cards.json
//
// Input (stdin): a JSON array of { "name": "...", "card": { ...Adaptive Card... } }.
// Output (stdout): a JSON array of { "name": "...", "events": [ { "phase", "event", "message" } ] }, one per card in order.
// Exit code: 0 when the cards were read (whatever they contain), 2 when the input could not be read.
"use strict";

const path = require("path");
// The UMD bundle: the package's ESM build imports files without extensions, which Node cannot resolve.
const AC = require(path.join(__dirname, "node_modules", "adaptivecards", "dist", "adaptivecards.js"));

function readStdin() {
  return require("fs").readFileSync(0, "utf8");
}

function describe(event) {
  return {
    phase: AC.ValidationPhase[event.phase] ?? String(event.phase),
    event: AC.ValidationEvent[event.event] ?? String(event.event),
    message: event.message,
  };
}

function validate(json) {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  const events = [];
  for (let i = 0; i < context.eventCount; i++) events.push(describe(context.getEventAt(i)));
  for (const event of card.validateProperties().validationEvents) events.push(describe(event));
  return events;
}

let input;
try {
  input = JSON.parse(readStdin());
  if (!Array.isArray(input)) throw new Error("the input is not a JSON array");
} catch (e) {
  process.stderr.write(`card-validator: cannot read the input: ${e.message}\n`);
  process.exit(2);
}

const results = input.map((entry) => {
  try {
    return { name: entry.name, events: validate(entry.card) };
  } catch (e) {
    return { name: entry.name, events: [{ phase: "Parse", event: "Exception", message: String(e && e.message) }] };
  }
});
process.stdout.write(JSON.stringify(results));

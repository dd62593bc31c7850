// Runs state machines in aws-local-stepfunctions, a local Amazon States Language interpreter, one case after another:
//   node run-paths.mjs <cases.json> <results.json>
// Each case names a definition, its input and context, what each Task state does on each attempt ("ok",
// "fail:<Error>", "timeout", "hang"), items to put into DynamoDB first, and whether to stop the execution when a
// state starts. Task states that call DynamoDB call DynamoDB Local; an execution that ends ABORTED, TIMED_OUT or
// FAILED is handed to the backstop definition as Step Functions' status-change event, the way EventBridge would.
// The results hold each execution's status, error and the items read back afterwards.
//
// aws-local-stepfunctions 3.0.0 declares Node 22; on Node 20 it needs Promise.withResolvers (ES2024), given here with
// its specified meaning (https://tc39.es/proposal-promise-with-resolvers/).
if (!Promise.withResolvers) {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new Promise((a, b) => { resolve = a; reject = b; });
    return { promise, resolve, reject };
  };
}
const { StateMachine } = await import('aws-local-stepfunctions');
const validate = (await import('asl-validator')).default;
const { DynamoDBClient, UpdateItemCommand, GetItemCommand, PutItemCommand, DeleteItemCommand } =
  await import('@aws-sdk/client-dynamodb');
import { readFileSync, writeFileSync } from 'node:fs';

const [casesFile, resultsFile] = process.argv.slice(2);
const { endpoint, definitions, cases } = JSON.parse(readFileSync(casesFile, 'utf8'));
const dynamo = new DynamoDBClient({
  endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1,
});

const COMMANDS = {
  'arn:aws:states:::dynamodb:updateItem': UpdateItemCommand,
  'arn:aws:states:::dynamodb:getItem': GetItemCommand,
  'arn:aws:states:::dynamodb:putItem': PutItemCommand,
  'arn:aws:states:::dynamodb:deleteItem': DeleteItemCommand,
};

class TaskError extends Error {
  constructor(name, cause) {
    super(cause);
    this.name = name;
  }
}

/** Every Task state of a definition, Map processors included: name -> state. */
function taskStates(definition, out = {}) {
  for (const [name, state] of Object.entries(definition.States)) {
    if (state.Type === 'Task') out[name] = state;
    const inner = state.ItemProcessor || state.Iterator;
    if (inner) taskStates(inner, out);
    for (const branch of state.Branches || []) taskStates(branch, out);
  }
  return out;
}

/** A DynamoDB call as Step Functions' integration makes it: its errors named DynamoDB.<exception>. */
async function callDynamo(resource, parameters) {
  const command = COMMANDS[resource];
  try {
    const answer = await dynamo.send(new command(parameters));
    const { $metadata, ...body } = answer;
    return body;
  } catch (e) {
    throw new TaskError('DynamoDB.' + e.name, e.message);
  }
}

const machines = {};

/** One interpreter per definition: executions of it are independent of each other (the library's README). */
function machineOf(name) {
  if (!machines[name]) {
    machines[name] = new StateMachine(definitions[name], { validationOptions: { checkArn: false, checkPaths: true } });
  }
  return machines[name];
}

async function runOne(c) {
  const definition = definitions[c.definition];
  const tasks = taskStates(definition);
  const attempts = {};
  const entered = [];
  let execution;
  const handlers = {};
  for (const [name, state] of Object.entries(tasks)) {
    handlers[name] = async (input) => {
      attempts[name] = (attempts[name] || 0) + 1;
      entered.push(name);
      if (c.abortAt === name) {
        setImmediate(() => execution.abort());
        return new Promise(() => {});
      }
      const plan = (c.outcomes || {})[name] || ['ok'];
      const outcome = plan[Math.min(attempts[name] - 1, plan.length - 1)];
      if (outcome === 'timeout') throw new TaskError('States.Timeout', name + ' timed out');
      if (outcome === 'hang') return new Promise(() => {});
      if (outcome.startsWith('fail:')) throw new TaskError(outcome.slice(5), name + ' failed with ' + outcome.slice(5));
      return perform(c, name, state, input);
    };
  }
  const retryIntervalOverrides = {};
  for (const name of Object.keys(tasks)) retryIntervalOverrides[name] = 0;
  const machine = machineOf(c.definition);
  const context = {
    Execution: { Name: c.execution, Id: c.executionArn, StartTime: c.enteredTime, Input: c.input },
    State: { EnteredTime: c.enteredTime, Name: '' },
    StateMachine: { Id: c.stateMachineArn, Name: c.definition },
    Task: { Token: 'token-' + c.execution },
  };
  execution = machine.run(c.input, { overrides: { taskResourceLocalHandlers: handlers, retryIntervalOverrides },
    context, noThrowOnAbort: true });
  let timer;
  const timedOut = new Promise((resolve) => {
    timer = c.timeoutMs ? setTimeout(() => { execution.abort(); resolve('TIMED_OUT'); }, c.timeoutMs) : null;
  });
  let status;
  let error = null;
  let cause = null;
  let output = null;
  try {
    const result = await Promise.race([execution.result.then((r) => ({ r })), timedOut.then((s) => ({ s }))]);
    if (result.s) {
      status = result.s;
    } else if (result.r === null) {
      status = 'ABORTED';
    } else {
      status = 'SUCCEEDED';
      output = result.r;
    }
  } catch (e) {
    status = 'FAILED';
    const inner = e.cause || e;
    error = inner.name;
    cause = inner.message;
  } finally {
    if (timer) clearTimeout(timer);
  }
  return { status, error, cause, output, attempts, entered };
}

/** What a Task state does when it succeeds. */
async function perform(c, name, state, input) {
  const resource = state.Resource;
  if (COMMANDS[resource]) return callDynamo(resource, input);
  if (resource === 'arn:aws:states:::aws-sdk:sfn:describeExecution') {
    const executionName = input.ExecutionArn.slice(input.ExecutionArn.lastIndexOf(':') + 1);
    const known = (c.executions || {})[executionName];
    if (!known) throw new TaskError('Sfn.ExecutionDoesNotExistException', 'Execution Does Not Exist: ' + input.ExecutionArn);
    return { ExecutionArn: input.ExecutionArn, Status: known.status, Input: JSON.stringify(known.input) };
  }
  if (resource.startsWith('arn:aws:states:::ecs:runTask')) {
    // The worker in the task marks its job RUNNING and, finishing, DONE (containers/worker-core JobRecord).
    await markJob(c, 'DONE');
    return { Tasks: [{ TaskArn: 'arn:aws:ecs:task/' + c.execution, LastStatus: 'STOPPED', Containers: [{ ExitCode: 0 }] }] };
  }
  if (resource.startsWith('arn:aws:states:::sqs:sendMessage')) {
    await markJob(c, 'DONE');
    return { status: 'DONE' };
  }
  throw new TaskError('States.Runtime', 'no local handler for ' + resource);
}

async function markJob(c, status) {
  if (!c.job) return;
  await dynamo.send(new UpdateItemCommand({
    TableName: c.job.table,
    Key: { tenantId: { S: c.job.tenantId }, jobId: { S: c.job.jobId } },
    UpdateExpression: 'SET #s = :s',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':s': { S: status } },
  }));
}

async function read(keys) {
  const items = {};
  for (const [label, key] of Object.entries(keys || {})) {
    const answer = await dynamo.send(new GetItemCommand({ TableName: key.table, Key: key.key, ConsistentRead: true }));
    items[label] = answer.Item || null;
  }
  return items;
}

const results = [];
const validations = {};
for (const [name, definition] of Object.entries(definitions)) {
  validations[name] = validate(definition);
}
for (const c of cases) {
  for (const item of c.setup || []) {
    if (item.delete) await dynamo.send(new DeleteItemCommand({ TableName: item.table, Key: item.delete }));
    else await dynamo.send(new PutItemCommand({ TableName: item.table, Item: item.item }));
  }
  const started = Date.now();
  const run = await runOne(c);
  const afterRun = await read(c.read);
  let backstop = null;
  let afterBackstop = null;
  if (c.backstop && ['ABORTED', 'TIMED_OUT', 'FAILED'].includes(run.status)) {
    const event = {
      'detail-type': 'Step Functions Execution Status Change', source: 'aws.states',
      detail: { executionArn: c.executionArn, stateMachineArn: c.stateMachineArn, name: c.execution,
        status: run.status, input: JSON.stringify(c.input) },
    };
    backstop = await runOne({ definition: c.backstop, input: event, execution: c.execution + '-release',
      executionArn: c.executionArn + '-release', enteredTime: c.enteredTime, stateMachineArn: c.backstop,
      outcomes: c.backstopOutcomes || {} });
    afterBackstop = await read(c.read);
  }
  let audit = null;
  let afterAudit = null;
  if (c.audit && backstop && backstop.status !== 'SUCCEEDED') {
    // What the backstop could not do, the next scheduled audit does.
    audit = await runOne({ definition: c.audit, input: {}, execution: c.execution + '-audit',
      executionArn: c.executionArn + '-audit', enteredTime: c.enteredTime, stateMachineArn: c.audit,
      executions: c.executions || {} });
    afterAudit = await read(c.read);
  }
  results.push({ id: c.id, run, afterRun, backstop, afterBackstop, audit, afterAudit, ms: Date.now() - started });
}
writeFileSync(resultsFile, JSON.stringify({ validations, results }, null, 1));
process.exit(0);

// A measuring instrument, not product code: Microsoft's botbuilder SDK for JavaScript answering the same chat as
// ChatCrm's load mix restricted to what both do (find, help, and the step-by-step log dialog), so bench/ChatCrm.Load
// can measure both bots side by side. State is the SDK's MemoryStorage (in memory, nothing persisted).
//
// Auth is on, like ChatCrm's: inbound Bot Framework tokens are verified against the load tool's OpenID metadata
// (PEER_OPENID_METADATA_URL), and outbound connector calls carry a bearer token from the load tool's client-credentials
// endpoint (PEER_TOKEN_URL), cached until shortly before it expires, as MSAL would. Only loopback addresses are used.
'use strict';

const http = require('node:http');
const {
    ActivityTypes,
    CardFactory,
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
    ConversationState,
    MemoryStorage,
} = require('botbuilder');
const { DialogSet, DialogTurnStatus, TextPrompt, WaterfallDialog } = require('botbuilder-dialogs');
const { ServiceClientCredentialsFactory } = require('botframework-connector');

const port = Number(process.env.PEER_PORT || 3982);
const host = '127.0.0.1';
const appId = process.env.MicrosoftAppId || '5b0c3a2e-9d7f-4e61-8a3b-1c2d3e4f5a6b';
const tenantId = process.env.MicrosoftAppTenantId || '72f988bf-86f1-41af-91ab-2d7cd011db47';
const fakes = process.env.PEER_FAKES_URL || 'http://127.0.0.1:39790/';
const metadataUrl = process.env.PEER_OPENID_METADATA_URL || new URL('v1/.well-known/openidconfiguration', fakes).href;
const tokenUrl = process.env.PEER_TOKEN_URL || new URL(`${tenantId}/oauth2/v2.0/token`, fakes).href;
const authDisabled = process.env.PEER_AUTH === 'none';

for (const address of [metadataUrl, tokenUrl]) {
    const hostname = new URL(address).hostname;
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(hostname)) {
        throw new Error(`Refusing ${address}: the peer only talks to this machine (loopback).`);
    }
}

/** Outbound tokens from the load tool's client-credentials endpoint, cached like MSAL caches them. */
class LoopbackCredentialsFactory extends ServiceClientCredentialsFactory {
    constructor() {
        super();
        this.token = null;
        this.expiresAt = 0;
    }

    async isValidAppId(id) {
        return id === appId;
    }

    async isAuthenticationDisabled() {
        return authDisabled;
    }

    async createCredentials() {
        return {
            signRequest: async (webResource) => {
                if (!authDisabled) {
                    webResource.headers.set('authorization', `Bearer ${await this.getToken()}`);
                }
                return webResource;
            },
        };
    }

    async getToken() {
        if (this.token && Date.now() < this.expiresAt) {
            return this.token;
        }
        const response = await fetch(tokenUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({
                grant_type: 'client_credentials',
                client_id: appId,
                client_secret: 'load',
                scope: 'https://api.botframework.com/.default',
            }),
        });
        if (!response.ok) {
            throw new Error(`token endpoint answered ${response.status}`);
        }
        const answer = await response.json();
        this.token = answer.access_token;
        this.expiresAt = Date.now() + (answer.expires_in - 300) * 1000;
        return this.token;
    }
}

const auth = new ConfigurationBotFrameworkAuthentication(
    {
        MicrosoftAppId: authDisabled ? '' : appId,
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: tenantId,
        ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
        ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    },
    new LoopbackCredentialsFactory(),
);
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (context, error) => {
    console.error(`[peer] turn failed: ${error && error.message}`);
    await context.sendActivity('Sorry, something went wrong.');
};

const conversationState = new ConversationState(new MemoryStorage());
const dialogState = conversationState.createProperty('dialogState');
const dialogs = new DialogSet(dialogState);
dialogs.add(new TextPrompt('text'));

// The same steps as ChatCrm's typed log dialog: customer → kind → summary → outcome → follow-up, then a confirmation.
dialogs.add(
    new WaterfallDialog('log', [
        async (step) => step.prompt('text', card('Log an interaction', ['Which customer? Type part of the name, the company, an e-mail or a phone number.'])),
        async (step) => {
            step.values.customer = matches(step.result)[0];
            return step.prompt('text', card(`Log an interaction with ${step.values.customer.name}`, ['What kind of contact was it? Call, meeting, e-mail, visit or chat.']));
        },
        async (step) => {
            step.values.kind = step.result;
            return step.prompt('text', card(`Log an interaction with ${step.values.customer.name}`, ['What was it about?']));
        },
        async (step) => {
            step.values.summary = step.result;
            return step.prompt('text', card(`Log an interaction with ${step.values.customer.name}`, ['How did it end? Type "skip" to leave it out.']));
        },
        async (step) => {
            step.values.outcome = step.result;
            return step.prompt('text', card(`Log an interaction with ${step.values.customer.name}`, ['When should you follow up? A date, "in 3 days", or "no".']));
        },
        async (step) => {
            const v = step.values;
            await step.context.sendActivity(card('Interaction logged', [
                `${v.kind} with ${v.customer.name} (${v.customer.company})`, v.summary, `Outcome: ${v.outcome}`, `Follow-up: ${step.result}`,
            ]));
            return step.endDialog();
        },
    ]),
);

/** A stand-in search over a few fixed customers: answers of a size like ChatCrm's list cards. */
function matches(text) {
    const names = ['Iñaki Martínez Ibáñez', 'Nuria Martínez Etxeberria', 'Michael Martin', 'Nathanial Martin'];
    return names.map((name, i) => ({
        name: `${name} (${(text || '').trim()})`,
        company: ['Gestoría Negrete S.A.', 'Transportes Peres e Hijos', 'Summit Solutions Corp.', "O'Keefe, Glover and Schaden Corp."][i],
        email: `${name.split(' ')[0].toLowerCase()}@example.com`,
    }));
}

function card(title, lines, facts) {
    const body = [{ type: 'TextBlock', text: title, size: 'Medium', weight: 'Bolder', wrap: true }]
        .concat(lines.map((text) => ({ type: 'TextBlock', text, wrap: true })));
    if (facts) {
        body.push({ type: 'FactSet', facts });
    }
    return { type: ActivityTypes.Message, summary: title, attachments: [CardFactory.adaptiveCard({ type: 'AdaptiveCard', version: '1.5', body })] };
}

async function logic(context) {
    if (context.activity.type !== ActivityTypes.Message) {
        return;
    }
    const text = (context.activity.text || '').trim();
    const lower = text.toLowerCase();
    const dc = await dialogs.createContext(context);
    if (lower === 'cancel') {
        const open = dc.activeDialog !== undefined;
        await dc.cancelAllDialogs();
        await context.sendActivity(open ? 'Cancelled. Nothing from that dialog was saved.' : 'There is nothing to cancel.');
    } else if (lower === 'help') {
        await context.sendActivity(card('What I can do', [
            'find <customer> — look a customer up', 'log — log a call, meeting or e-mail step by step',
            'cancel — stop what we are doing',
        ]));
    } else if (lower.startsWith('find ') && dc.activeDialog === undefined) {
        const found = matches(text.slice(5));
        await context.sendActivity(card(`Customers matching "${text.slice(5)}"`, ['Several customers match. Which one do you mean?'],
            found.map((c, i) => ({ title: String(i + 1), value: `${c.name} · ${c.company} · ${c.email}` }))));
    } else {
        const result = await dc.continueDialog();
        if (result.status === DialogTurnStatus.empty) {
            if (lower === 'log') {
                await dc.beginDialog('log');
            } else {
                await context.sendActivity('Type "help" to see what I can do.');
            }
        }
    }
    await conversationState.saveChanges(context);
}

// Node's own http server with the few request/response members CloudAdapter.process uses.
const server = http.createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/api/messages') {
        res.statusCode = 404;
        res.end();
        return;
    }
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', async () => {
        try {
            req.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
            res.statusCode = 400;
            res.end();
            return;
        }
        res.status = (code) => {
            res.statusCode = code;
            return res;
        };
        res.header = (name, value) => res.setHeader(name, value);
        res.send = (body) => {
            if (body !== undefined) {
                res.setHeader('content-type', 'application/json');
                res.write(typeof body === 'string' ? body : JSON.stringify(body));
            }
        };
        try {
            await adapter.process(req, res, logic);
        } catch (error) {
            console.error(`[peer] ${error && error.message}`);
            if (!res.writableEnded) {
                res.statusCode = 500;
                res.end();
            }
        }
    });
});
server.keepAliveTimeout = 120_000;
server.listen(port, host, () => console.log(`peer botbuilder bot on http://${host}:${port}/api/messages (auth ${authDisabled ? 'off' : 'on'})`));

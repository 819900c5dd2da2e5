import { Agent, request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { withSandbox } from '../helpers/withSandbox.js';

const CONFIG = '/api/v1/bookings/config/';

const fixture = withSandbox();
const agents: Agent[] = [];

afterEach(() => {
  for (const agent of agents.splice(0)) agent.destroy();
});

function getStatus(agent: Agent, port: number, jwt: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: CONFIG, agent, headers: { Authorization: `Bearer ${jwt}` } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('many concurrent requests with latency', () => {
  it('answers 1,000 concurrent requests without a process warning', async () => {
    const slow = await fixture.startExtra({ latencyMs: 20 });
    const jwt = await slow.issueJwt('alice');
    // 50 sockets: far more than 10 requests wait out the latency at once, the point of the test.
    const agent = new Agent({ keepAlive: true, maxSockets: 50 });
    agents.push(agent);
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const statuses = await Promise.all(
        Array.from({ length: 1000 }, () => getStatus(agent, slow.port, jwt)),
      );
      expect(statuses.filter((status) => status !== 200)).toEqual([]);
      expect(slow.counts().config).toBe(1000);
      // process.emitWarning delivers on a later tick; let any pending one arrive.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.map((warning) => `${warning.name}: ${warning.message}`)).toEqual([]);
  }, 20_000);
});

import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { findFreePort } from '../../../../src/redis/probe.js';

describe('findFreePort', () => {
  it("picks ports below the kernel's ephemeral range (where outgoing connections take theirs), free to listen on", async () => {
    const ports = await Promise.all(Array.from({ length: 20 }, () => findFreePort()));
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(10_000);
      expect(port).toBeLessThan(32_000);
    }
    // Random, not the kernel's next port: twenty picks are not all one port.
    expect(new Set(ports).size).toBeGreaterThan(1);
    const port = ports[0] ?? 0;
    const server = net.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});

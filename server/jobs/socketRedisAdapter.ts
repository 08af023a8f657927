// Live updates across server processes: with the Redis adapter, an emit on one server reaches the dashboards
// connected to every server behind the load balancer.
import { createAdapter } from '@socket.io/redis-adapter';
import type { Server as SocketServer } from 'socket.io';
import { createRedisConnection } from './redisConnection.js';

export async function attachRedisAdapter(io: SocketServer, redisUrl: string): Promise<() => Promise<void>> {
  const publisher = createRedisConnection(redisUrl);
  const subscriber = publisher.duplicate();
  await Promise.all([publisher.ping(), subscriber.ping()]);
  io.adapter(createAdapter(publisher, subscriber));
  return async () => {
    await Promise.allSettled([publisher.quit(), subscriber.quit()]);
  };
}

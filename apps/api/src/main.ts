import { Logger } from '@nestjs/common';
import { AppError, ConfigError, loadConfig } from '@portal/api-core';
import { DemoApplicationsSeeder } from '@portal/api-demo';
import { DEMO_PASSWORD, DemoSeeder } from '@portal/api-db';
import { createApp } from './app/create-app';
import { ensureLocalRedis } from './app/local-redis';
import {
  CREATE_SYSTEM_ADMIN,
  runCreateSystemAdmin,
} from './app/create-system-admin.command';

// Dates are stored and read as UTC; the process must not interpret them in a local zone.
process.env['TZ'] = 'UTC';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  if (process.argv[2] === CREATE_SYSTEM_ADMIN) {
    await runCreateSystemAdmin(
      config,
      process.argv.slice(3),
      process.env['PORTAL_ADMIN_PASSWORD'],
    );
    process.exit(0);
  }
  const redis = config.isProduction ? null : await ensureLocalRedis(config);
  if (redis) {
    Logger.log(
      `Started redis-server for the embedded default (data in ${config.dataDir}/redis)`,
      'Boot',
    );
    const stop = () => redis.kill();
    process.once('exit', stop);
  }
  const app = await createApp(config);
  const logins = config.seedDemoData
    ? await app.get(DemoSeeder).seedIfEmpty()
    : null;
  if (logins) await app.get(DemoApplicationsSeeder).seedIfEmpty();
  await app.listen({ port: config.port, host: '0.0.0.0' });

  const lines = [
    '',
    `  S&T Bureau Enterprise Portal / 科技局企业服务门户 is running`,
    `  Open:     ${config.publicUrl}`,
    `  API docs: ${config.publicUrl}/api/docs   Health: ${config.publicUrl}/api/health`,
  ];
  if (logins) {
    lines.push(`  Demo logins (password for all: ${DEMO_PASSWORD}):`);
    for (const login of logins)
      lines.push(
        `    ${login.email.padEnd(32)} ${login.role.padEnd(18)} ${login.organisation}`,
      );
  } else if (config.seedDemoData) {
    lines.push(
      `  Demo data already present; demo logins are listed in README.md (password ${DEMO_PASSWORD}).`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}

bootstrap().catch((error: unknown) => {
  const what =
    process.argv[2] === CREATE_SYSTEM_ADMIN
      ? `${CREATE_SYSTEM_ADMIN} failed`
      : 'The portal could not start';
  if (error instanceof ConfigError) {
    process.stderr.write(
      `${error.message}\nSee docs/configuration.md for every variable.\n`,
    );
  } else if (error instanceof AppError) {
    // A refusal with a reason (taken e-mail, weak password): the reason is the whole story.
    const fields = (error.fields ?? []).map(
      (f) => `  ${f.field}: ${f.message}`,
    );
    process.stderr.write(
      [`${what}: ${error.message}`, ...fields].join('\n') + '\n',
    );
  } else {
    process.stderr.write(
      `${what}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    if (error instanceof Error && error.stack)
      process.stderr.write(error.stack + '\n');
  }
  process.exit(1);
});

import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { AppError, type AppConfig } from '@portal/api-core';
import { SystemAdminBootstrapService } from '@portal/api-identity';
import { AppModule } from './app.module';

export const CREATE_SYSTEM_ADMIN = 'create-system-admin';

const USAGE = `Usage: PORTAL_ADMIN_PASSWORD=... node dist/apps/api/main.js ${CREATE_SYSTEM_ADMIN} \\
  --email ops@kjt.example.gov.cn --name 张三 --region 370000 --region-name 山东省 --bureau 山东省科学技术厅
The password comes from PORTAL_ADMIN_PASSWORD so that it stays out of the shell history.`;

/**
 * Creates the first system administrator (production never seeds demo accounts). Runs the
 * migrations like the API does, then exits.
 */
export async function runCreateSystemAdmin(
  config: AppConfig,
  argv: string[],
  password: string | undefined,
): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      region: { type: 'string' },
      'region-name': { type: 'string' },
      bureau: { type: 'string' },
    },
    strict: true,
  });
  if (
    !values.email ||
    !values.name ||
    !values.region ||
    !values['region-name'] ||
    !values.bureau ||
    !password
  ) {
    throw new AppError(400, 'VALIDATION_FAILED', USAGE);
  }
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ ...config, runWorkers: false } as AppConfig),
    {
      logger: ['error'],
    },
  );
  try {
    await app.get(SystemAdminBootstrapService).create({
      email: values.email,
      name: values.name,
      password,
      regionCode: values.region,
      regionName: values['region-name'],
      bureauName: values.bureau,
    });
    process.stdout.write(
      `System administrator ${values.email} created. Log in at ${config.publicUrl}/login\n`,
    );
  } finally {
    await app.close();
  }
}

import { Module } from '@nestjs/common';
import { ReviewModule } from '@portal/api-review';
import { DemoApplicationsSeeder } from './demo-applications.seeder';

/** The demo's cases, walked through the real services (never written around them). */
@Module({
  imports: [ReviewModule],
  providers: [DemoApplicationsSeeder],
  exports: [DemoApplicationsSeeder],
})
export class DemoModule {}

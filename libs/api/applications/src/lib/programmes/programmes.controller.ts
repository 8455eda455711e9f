import { Controller, Get, Param, ParseEnumPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@portal/api-access';
import { ValidationFailedError } from '@portal/api-core';
import type { ProgrammeView } from '@portal/contracts';
import { APPLICATION_TYPES, type ApplicationType } from '@portal/domain';
import { programmeView } from './programme-view';

/**
 * The programmes as published rules: each one's form (sections, fields, materials checklist)
 * and the same form as JSON Schema, for integrators filing on a company's behalf. Public: it
 * is what a call announces.
 */
@ApiTags('programmes')
@Controller('programmes')
export class ProgrammesController {
  @Public()
  @Get()
  list(): ProgrammeView[] {
    return APPLICATION_TYPES.map(programmeView);
  }

  @Public()
  @Get(':type')
  one(
    @Param(
      'type',
      new ParseEnumPipe(APPLICATION_TYPES, {
        exceptionFactory: () =>
          new ValidationFailedError([
            {
              field: 'type',
              code: 'programme.unknown',
              message: `Not a programme; use one of ${APPLICATION_TYPES.join(', ')}`,
            },
          ]),
      }),
    )
    type: ApplicationType,
  ): ProgrammeView {
    return programmeView(type);
  }
}

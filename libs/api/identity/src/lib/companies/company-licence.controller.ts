import {
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Put,
  Req,
  StreamableFile,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  CurrentActor,
  RequirePermission,
  type Actor,
} from '@portal/api-access';
import { attachmentDisposition, mimeOf, readFilePart } from '@portal/api-core';
import type { CompanyLicenceView } from '@portal/contracts';
import type { FastifyRequest } from 'fastify';
import {
  CompanyLicenceService,
  type LicenceFile,
} from './company-licence.service';

const uuid = new ParseUUIDPipe({ version: '4' });

function download(file: LicenceFile): StreamableFile {
  return new StreamableFile(file.content, {
    type: mimeOf(file.kind),
    disposition: attachmentDisposition(file.fileName),
    length: file.content.length,
  });
}

/** The business licence a company uploads for its verification, and the reviewer's read of it. */
@ApiTags('companies')
@Controller('companies')
export class CompanyLicenceController {
  constructor(private readonly licences: CompanyLicenceService) {}

  /** The company's licence as uploaded; null before one is. */
  @RequirePermission('company.profile.read')
  @Get('mine/licence')
  mine(@CurrentActor() actor: Actor): Promise<CompanyLicenceView | null> {
    return this.licences.mine(actor);
  }

  @RequirePermission('company.profile.read')
  @Get('mine/licence/file')
  async mineFile(@CurrentActor() actor: Actor): Promise<StreamableFile> {
    return download(await this.licences.mineFile(actor));
  }

  @RequirePermission('company.profile.update')
  @Put('mine/licence')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description:
      'The business licence (营业执照) as PDF, JPEG or PNG, at most 10 MB; replaces the one uploaded before, until the company is verified.',
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  async upload(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<CompanyLicenceView> {
    const part = await readFilePart(
      request,
      'Send the business licence as multipart/form-data (a file field)',
    );
    return this.licences.upload(actor, part.fileName, part.content);
  }

  /** For the reviewers of the company's region; the same 404 as the company for anyone else. */
  @RequirePermission('company.region.read')
  @Get(':id/licence')
  ofCompany(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
  ): Promise<CompanyLicenceView | null> {
    return this.licences.ofCompany(actor, id);
  }

  @RequirePermission('company.region.read')
  @Get(':id/licence/file')
  async companyFile(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
  ): Promise<StreamableFile> {
    return download(await this.licences.companyFile(actor, id));
  }
}

import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  StreamableFile,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import {
  CurrentActor,
  RequirePermission,
  type Actor,
} from '@portal/api-access';
import {
  IDEMPOTENCY_HEADER,
  type ActionResult,
  type ApplicationDetail,
  type MyApplicationSummary,
  type AttachmentView,
  type Page,
} from '@portal/contracts';
import { attachmentDisposition, mimeOf } from '@portal/api-core';
import type { FastifyRequest } from 'fastify';
import { CommitmentsService } from '../commitments/commitments.service';
import { MaterialsService } from '../materials/materials.service';
import { readUpload, idempotencyKey } from './http-helpers';
import {
  ActionDto,
  CreateApplicationDto,
  SaveFormDto,
  VersionDto,
} from './applications.dto';
import { ApplicationsService } from './applications.service';
import { MyApplicationsQueryDto } from './my-applications.dto';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('applications')
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly materials: MaterialsService,
    private readonly commitments: CommitmentsService,
  ) {}

  @RequirePermission('applications.file')
  @Post()
  create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateApplicationDto,
  ): Promise<ApplicationDetail> {
    return this.applications.create(actor, dto.callId);
  }

  @RequirePermission('applications.file')
  @Get()
  listMine(
    @CurrentActor() actor: Actor,
    @Query() query: MyApplicationsQueryDto,
  ): Promise<Page<MyApplicationSummary>> {
    return this.applications.listMine(actor, query);
  }

  @RequirePermission('applications.read')
  @Get(':id')
  detail(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
  ): Promise<ApplicationDetail> {
    return this.applications.detail(actor, id);
  }

  @RequirePermission('applications.file')
  @Patch(':id/form')
  saveForm(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() dto: SaveFormDto,
  ): Promise<ActionResult> {
    return this.applications.saveForm(actor, id, dto);
  }

  @RequirePermission('applications.act')
  @ApiHeader({
    name: IDEMPOTENCY_HEADER,
    required: false,
    description: 'Same key, same answer, no second effect',
  })
  @Post(':id/actions')
  @HttpCode(200)
  act(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() dto: ActionDto,
    @Headers(IDEMPOTENCY_HEADER) key: string | undefined,
  ): Promise<ActionResult> {
    return this.applications.act(actor, id, dto, idempotencyKey(key));
  }

  @RequirePermission('applications.file')
  @Post(':id/commitment')
  @HttpCode(200)
  fulfilCommitment(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() dto: VersionDto,
  ): Promise<ActionResult> {
    return this.commitments.fulfil(actor, id, dto.version);
  }

  @RequirePermission('applications.file')
  @Post(':id/materials')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description:
      "One file per request, as a browser's form sends it: the materialKey field first, then the file. The file's type is checked by its content against the material's allowed kinds and size (GET /api/programmes/{type}: form.materials).",
    schema: {
      type: 'object',
      required: ['materialKey', 'file'],
      properties: {
        materialKey: {
          type: 'string',
          description: "A material's key from the programme's checklist",
          example: 'business_licence',
        },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Req() request: FastifyRequest,
  ): Promise<AttachmentView> {
    return this.materials.upload(actor, id, await readUpload(request));
  }

  @RequirePermission('applications.file')
  @Delete(':id/materials/:attachmentId')
  @HttpCode(204)
  remove(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Param('attachmentId', uuid) attachmentId: string,
  ): Promise<void> {
    return this.materials.remove(actor, id, attachmentId);
  }

  @RequirePermission('applications.read')
  @Get(':id/materials/:attachmentId')
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Param('attachmentId', uuid) attachmentId: string,
  ): Promise<StreamableFile> {
    const file = await this.materials.download(actor, id, attachmentId);
    return new StreamableFile(file.content, {
      type: mimeOf(file.kind),
      disposition: attachmentDisposition(file.fileName),
      length: file.content.length,
    });
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ForkRequestDto,
  GalleryContracts as G,
  GallerySearchDto,
  PublishRequestDto,
  RunDraftRequestDto,
  type CallContext,
  type DraftView,
  type TrainingAccepted,
  type ForkView,
  type GalleryEntryView,
  type Page,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { UUID } from '../http/uuid.pipe.js';

/**
 * Publishing finished trainings, the public gallery, forking an entry as a draft into a project,
 * and the project's drafts (listed, read, deleted, run as a training on the caller's own data).
 */
@ApiTags('trainings')
@Controller()
export class GalleryController {
  constructor(private readonly nats: NatsClient) {}

  @Post('trainings/:id/publish')
  publish(
    @Param('id', UUID) trainingId: string,
    @Body() body: PublishRequestDto,
    @Caller() call: CallContext,
  ): Promise<GalleryEntryView> {
    return this.nats.request(G.publish, { ...body, trainingId }, call);
  }

  @Get('gallery')
  search(
    @Query() query: GallerySearchDto,
    @Caller() call: CallContext,
  ): Promise<Page<GalleryEntryView>> {
    return this.nats.request(G.search, query, call);
  }

  @Post('gallery/:id/fork')
  fork(
    @Param('id', UUID) id: string,
    @Body() body: ForkRequestDto,
    @Caller() call: CallContext,
  ): Promise<ForkView> {
    return this.nats.request(G.fork, { ...body, id }, call);
  }

  @Get('projects/:id/drafts')
  drafts(@Param('id', UUID) projectId: string, @Caller() call: CallContext): Promise<DraftView[]> {
    return this.nats.request(G.listDrafts, { projectId }, call);
  }

  @Get('drafts/:id')
  draft(@Param('id', UUID) id: string, @Caller() call: CallContext): Promise<DraftView> {
    return this.nats.request(G.getDraft, { id }, call);
  }

  @Delete('drafts/:id')
  deleteDraft(
    @Param('id', UUID) id: string,
    @Caller() call: CallContext,
  ): Promise<{ deleted: true }> {
    return this.nats.request(G.deleteDraft, { id }, call);
  }

  /**
   * Starts a normal training from the draft's spec (editors of its project); `dataSourceId` and
   * `version` (and `target`, `features`) replace the published data, which is not shared: 412
   * when the caller cannot read it and gives none.
   */
  @Post('drafts/:id/run')
  @HttpCode(202)
  runDraft(
    @Param('id', UUID) id: string,
    @Body() body: RunDraftRequestDto,
    @Caller() call: CallContext,
  ): Promise<TrainingAccepted> {
    return this.nats.request(G.runDraft, { ...body, id }, call);
  }
}

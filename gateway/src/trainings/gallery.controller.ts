import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ForkRequestDto,
  GalleryContracts as G,
  GallerySearchDto,
  PublishRequestDto,
  type CallContext,
  type ForkView,
  type GalleryEntryView,
  type Page,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { UUID } from '../http/uuid.pipe.js';

/** Publishing finished trainings, the public gallery, and forking an entry as a draft. */
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
}

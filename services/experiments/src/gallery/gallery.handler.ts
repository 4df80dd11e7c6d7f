import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DraftIdDto,
  ForkDto,
  ProjectDraftsDto,
  RunDraftDto,
  type DraftView,
  type TrainingAccepted,
  GalleryContracts,
  GallerySearchDto,
  PublishTrainingDto,
  type CallContext,
  type ForkView,
  type GalleryEntryView,
  type Page,
} from '@hydroml/contracts';
import { Call } from '@hydroml/nest-kit';
import { GalleryDrafts } from './gallery-drafts.js';
import { GalleryService } from './gallery.service.js';

@Controller()
export class GalleryHandler {
  constructor(
    private readonly gallery: GalleryService,
    private readonly drafts: GalleryDrafts,
  ) {}

  @MessagePattern(GalleryContracts.publish.subject)
  publish(
    @Payload() dto: PublishTrainingDto,
    @Call() call: CallContext,
  ): Promise<GalleryEntryView> {
    return this.gallery.publish(call, dto);
  }

  @MessagePattern(GalleryContracts.search.subject)
  search(
    @Payload() dto: GallerySearchDto,
    @Call() call: CallContext,
  ): Promise<Page<GalleryEntryView>> {
    return this.gallery.search(call, dto);
  }

  @MessagePattern(GalleryContracts.fork.subject)
  fork(@Payload() dto: ForkDto, @Call() call: CallContext): Promise<ForkView> {
    return this.gallery.fork(call, dto);
  }

  @MessagePattern(GalleryContracts.listDrafts.subject)
  listDrafts(@Payload() dto: ProjectDraftsDto, @Call() call: CallContext): Promise<DraftView[]> {
    return this.drafts.list(call, dto.projectId);
  }

  @MessagePattern(GalleryContracts.getDraft.subject)
  getDraft(@Payload() dto: DraftIdDto, @Call() call: CallContext): Promise<DraftView> {
    return this.drafts.get(call, dto.id);
  }

  @MessagePattern(GalleryContracts.deleteDraft.subject)
  deleteDraft(@Payload() dto: DraftIdDto, @Call() call: CallContext): Promise<{ deleted: true }> {
    return this.drafts.delete(call, dto.id);
  }

  @MessagePattern(GalleryContracts.runDraft.subject)
  runDraft(@Payload() dto: RunDraftDto, @Call() call: CallContext): Promise<TrainingAccepted> {
    return this.drafts.run(call, dto);
  }
}

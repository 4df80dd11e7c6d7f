import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ProjectStudiesDto,
  RegisterStudyBestDto,
  StartStudyDto,
  StudyContracts,
  StudyIdDto,
  TellStudyDto,
  type AskedTrial,
  type CallContext,
  type Page,
  type StudyAccepted,
  type StudyView,
  type TrialView,
} from '@hydroml/contracts';
import { Call } from '@hydroml/nest-kit';
import { StudiesService } from './studies.service.js';

@Controller()
export class StudiesHandler {
  constructor(private readonly studies: StudiesService) {}

  @MessagePattern(StudyContracts.start.subject)
  start(@Payload() dto: StartStudyDto, @Call() call: CallContext): Promise<StudyAccepted> {
    return this.studies.start(call, dto);
  }

  @MessagePattern(StudyContracts.get.subject)
  get(@Payload() dto: StudyIdDto, @Call() call: CallContext): Promise<StudyView> {
    return this.studies.get(call, dto.id);
  }

  @MessagePattern(StudyContracts.list.subject)
  list(@Payload() dto: ProjectStudiesDto, @Call() call: CallContext): Promise<Page<StudyView>> {
    return this.studies.list(call, dto.projectId);
  }

  @MessagePattern(StudyContracts.ask.subject)
  ask(@Payload() dto: StudyIdDto, @Call() call: CallContext): Promise<AskedTrial> {
    return this.studies.ask(call, dto.id);
  }

  @MessagePattern(StudyContracts.cancel.subject)
  cancel(@Payload() dto: StudyIdDto, @Call() call: CallContext): Promise<StudyView> {
    return this.studies.cancel(call, dto.id);
  }

  @MessagePattern(StudyContracts.tell.subject)
  tell(@Payload() dto: TellStudyDto, @Call() call: CallContext): Promise<TrialView> {
    return this.studies.tell(call, dto);
  }

  @MessagePattern(StudyContracts.register.subject)
  register(@Payload() dto: RegisterStudyBestDto, @Call() call: CallContext): Promise<StudyView> {
    return this.studies.register(call, dto);
  }
}

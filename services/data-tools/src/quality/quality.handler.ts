import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  PreflightDto,
  ProfileRequestDto,
  QualityContracts,
  VersionRefDto,
  type CallContext,
  type HtmlReport,
  type JobView,
  type PreflightResult,
  type ProfileView,
} from '@hydroml/contracts';
import { Call } from '@hydroml/nest-kit';
import { PreflightService } from './preflight/preflight.service.js';
import { ProfileService } from './profile/profile.service.js';

/** NATS subjects of the quality area: map message -> service -> view. */
@Controller()
export class QualityHandler {
  constructor(
    private readonly preflightService: PreflightService,
    private readonly profiles: ProfileService,
  ) {}

  @MessagePattern(QualityContracts.preflight.subject)
  preflight(@Payload() dto: PreflightDto, @Call() call: CallContext): Promise<PreflightResult> {
    return this.preflightService.check(call, dto);
  }

  @MessagePattern(QualityContracts.profile.subject)
  profile(@Payload() dto: ProfileRequestDto, @Call() call: CallContext): Promise<JobView> {
    return this.profiles.request(call, dto);
  }

  @MessagePattern(QualityContracts.getProfile.subject)
  getProfile(@Payload() dto: VersionRefDto, @Call() call: CallContext): Promise<ProfileView> {
    return this.profiles.get(call, dto);
  }

  @MessagePattern(QualityContracts.profileReport.subject)
  profileReport(@Payload() dto: VersionRefDto, @Call() call: CallContext): Promise<HtmlReport> {
    return this.profiles.report(call, dto);
  }
}

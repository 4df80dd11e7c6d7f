import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateSuiteDto,
  DataSourceRefDto,
  QualityContracts as Q,
  SuiteRefDto,
  ValidateSuiteDto,
  ValidationHistoryDto,
  ValidationRefDto,
  type CallContext,
  type HtmlReport,
  type JobView,
  type SuiteView,
  type ValidationHistory,
  type ValidationView,
} from '@hydroml/contracts';
import { Call } from '@hydroml/nest-kit';
import { SuitesService } from './suites/suites.service.js';
import { ValidationsService } from './suites/validations.service.js';

/** NATS subjects of expectation suites and validation runs. */
@Controller()
export class SuitesHandler {
  constructor(
    private readonly suites: SuitesService,
    private readonly validations: ValidationsService,
  ) {}

  @MessagePattern(Q.listSuites.subject)
  list(@Payload() dto: DataSourceRefDto, @Call() call: CallContext): Promise<SuiteView[]> {
    return this.suites.list(call, dto.dataSourceId);
  }

  @MessagePattern(Q.createSuite.subject)
  create(@Payload() dto: CreateSuiteDto, @Call() call: CallContext): Promise<SuiteView> {
    return this.suites.create(call, dto);
  }

  @MessagePattern(Q.getSuite.subject)
  get(@Payload() dto: SuiteRefDto, @Call() call: CallContext): Promise<SuiteView> {
    return this.suites.get(call, dto.suiteId);
  }

  @MessagePattern(Q.validate.subject)
  validate(@Payload() dto: ValidateSuiteDto, @Call() call: CallContext): Promise<JobView> {
    return this.validations.validate(call, dto);
  }

  @MessagePattern(Q.getValidation.subject)
  validation(@Payload() dto: ValidationRefDto, @Call() call: CallContext): Promise<ValidationView> {
    return this.validations.get(call, dto.validationId);
  }

  @MessagePattern(Q.validationReport.subject)
  report(@Payload() dto: ValidationRefDto, @Call() call: CallContext): Promise<HtmlReport> {
    return this.validations.report(call, dto.validationId);
  }

  @MessagePattern(Q.validationHistory.subject)
  history(
    @Payload() dto: ValidationHistoryDto,
    @Call() call: CallContext,
  ): Promise<ValidationHistory> {
    return this.validations.history(call, dto);
  }
}

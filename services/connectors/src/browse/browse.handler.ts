import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ConnectionIdDto,
  ConnectorsContracts,
  DescribeTableDto,
  PreviewDto,
  type CallContext,
  type ConnectionTestResult,
  type PreviewResult,
  type TableDetail,
  type TableSummary,
} from '@hydroml/contracts';
import { Call } from '@hydroml/nest-kit';
import { BrowseService } from './browse.service.js';

@Controller()
export class BrowseHandler {
  constructor(private readonly browse: BrowseService) {}

  @MessagePattern(ConnectorsContracts.test.subject)
  test(@Payload() dto: ConnectionIdDto, @Call() call: CallContext): Promise<ConnectionTestResult> {
    return this.browse.test(call, dto.id);
  }

  @MessagePattern(ConnectorsContracts.tables.subject)
  tables(@Payload() dto: ConnectionIdDto, @Call() call: CallContext): Promise<TableSummary[]> {
    return this.browse.tables(call, dto.id);
  }

  @MessagePattern(ConnectorsContracts.describe.subject)
  describe(@Payload() dto: DescribeTableDto, @Call() call: CallContext): Promise<TableDetail> {
    return this.browse.describe(call, dto.id, dto.table);
  }

  @MessagePattern(ConnectorsContracts.preview.subject)
  preview(@Payload() dto: PreviewDto, @Call() call: CallContext): Promise<PreviewResult> {
    return this.browse.preview(call, dto);
  }
}

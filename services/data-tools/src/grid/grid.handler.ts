import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ColumnValuesDto,
  GridContracts,
  VersionRowsDto,
  type CallContext,
  type ColumnValues,
  type GridRows,
} from '@hydroml/contracts';
import { Call } from '@hydroml/nest-kit';
import { ColumnValuesService } from './column-values.service.js';
import { GridService } from './grid.service.js';

@Controller()
export class GridHandler {
  constructor(
    private readonly grid: GridService,
    private readonly values: ColumnValuesService,
  ) {}

  @MessagePattern(GridContracts.rows.subject)
  rows(@Payload() dto: VersionRowsDto, @Call() call: CallContext): Promise<GridRows> {
    return this.grid.versionRows(call, dto);
  }

  @MessagePattern(GridContracts.columnValues.subject)
  columnValues(@Payload() dto: ColumnValuesDto, @Call() call: CallContext): Promise<ColumnValues> {
    return this.values.forVersion(call, dto);
  }
}

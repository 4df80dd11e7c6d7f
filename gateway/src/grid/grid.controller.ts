import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import {
  GridContracts,
  type CallContext,
  type ColumnValues,
  type GridRows,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { UUID } from '../http/uuid.pipe.js';

const optionalInt = new ParseIntPipe({ optional: true });

@ApiTags('grid')
@Controller('data-sources/:id/versions/:n')
export class GridController {
  constructor(private readonly nats: NatsClient) {}

  /** AG Grid's server-side row-model request -> `{rowData, rowCount}` (exact filtered count). */
  @Post('rows')
  @HttpCode(200)
  @ApiBody({
    description:
      'startRow, endRow, sortModel, filterModel (or the advanced model), rowGroupCols, valueCols, groupKeys',
    schema: { type: 'object' },
  })
  rows(
    @Param('id', UUID) dataSourceId: string,
    @Param('n', ParseIntPipe) version: number,
    @Body() request: Record<string, unknown>,
    @Caller() call: CallContext,
  ): Promise<GridRows> {
    return this.nats.request(GridContracts.rows, { dataSourceId, version, request }, call);
  }

  /** Distinct values of a column (set filter): `?search=&offset=&limit=`. */
  @Get('columns/:name/values')
  values(
    @Param('id', UUID) dataSourceId: string,
    @Param('n', ParseIntPipe) version: number,
    @Param('name') column: string,
    @Query('search') search: string | undefined,
    @Query('offset', optionalInt) offset: number | undefined,
    @Query('limit', optionalInt) limit: number | undefined,
    @Caller() call: CallContext,
  ): Promise<ColumnValues> {
    return this.nats.request(
      GridContracts.columnValues,
      { dataSourceId, version, column, search, offset, limit },
      call,
    );
  }
}

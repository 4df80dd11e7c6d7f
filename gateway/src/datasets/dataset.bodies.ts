import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, Length } from 'class-validator';
import type { ColumnType } from '@hydroml/contracts';

export class ReingestBody {
  @ApiProperty({ description: 'column name -> integer|float|boolean|date|timestamp|string' })
  @IsObject()
  types!: Record<string, ColumnType>;

  @ApiPropertyOptional({ description: 'the worksheet of a workbook (name or 1-based position)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  sheet?: string;
}

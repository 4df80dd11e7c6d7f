import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ExpectationDto } from '@hydroml/contracts';

export class ProfileBody {
  @ApiPropertyOptional({ description: 'recompute even when the version has a stored profile' })
  @IsOptional()
  @IsBoolean()
  refresh?: boolean;
}

export class CreateSuiteBody {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({
    description:
      'Great Expectations style: [{type: "expect_column_values_to_not_be_null", kwargs: {column, mostly}}]',
    type: 'array',
    items: { type: 'object' },
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ExpectationDto)
  expectations?: ExpectationDto[];

  @ApiPropertyOptional({ description: "seed the suite from this version's stored profile" })
  @IsOptional()
  @IsInt()
  @Min(1)
  fromVersion?: number;

  @ApiPropertyOptional({ description: 'validate every new version against this suite' })
  @IsOptional()
  @IsBoolean()
  autoValidate?: boolean;
}

export class ValidateBody {
  @ApiProperty({ description: 'the version to validate' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ description: 'unexpected rows kept per expectation (default 20)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(200)
  sampleSize?: number;
}

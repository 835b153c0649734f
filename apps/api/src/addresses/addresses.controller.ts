import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AddressAdminService, AddressRegisterService } from '@hotline/addresses';
import { Actor, type AuditActor } from '@hotline/audit';
import { Roles } from '@hotline/auth';
import {
  AddressPageDto,
  AddressQueryDto,
  AdminAddressDto,
  CreateAddressDto,
  RetireAddressDto,
  UpdateAddressDto,
} from './addresses.dto';

const uuid = new ParseUUIDPipe({ version: '4' });

/** 标准地址库: address search for intake, and the admins' register (issue 17). */
@ApiTags('addresses')
@ApiBearerAuth()
@Controller('api/v1/addresses')
export class AddressesController {
  constructor(
    private readonly register: AddressRegisterService,
    private readonly admin: AddressAdminService,
  ) {}

  /** Live addresses holding every part of `q` (any order, aliases, pinyin initials), shortest labels first. */
  @Get()
  @Roles('operator', 'dispatcher', 'supervisor', 'admin', 'gridWorker')
  @ApiOkResponse({ type: AddressPageDto })
  async search(@Query() query: AddressQueryDto): Promise<AddressPageDto> {
    return { items: await this.register.search(query.q, query.limit) };
  }

  /** One address as admins edit it, retired ones too. */
  @Get(':id')
  @Roles('admin')
  @ApiOkResponse({ type: AdminAddressDto })
  get(@Param('id', uuid) id: string): Promise<AdminAddressDto> {
    return this.admin.get(id);
  }

  /** A new address; its point lies in the grid named, or gives the grid. Searchable at once. */
  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: AdminAddressDto })
  create(@Body() body: CreateAddressDto, @Actor() actor: AuditActor): Promise<AdminAddressDto> {
    return this.admin.create({ ...body, aliases: body.aliases ?? [] }, actor);
  }

  /** A correction (label, aliases, kind, point, grid); 409 on a retired address. */
  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: AdminAddressDto })
  update(@Param('id', uuid) id: string, @Body() body: UpdateAddressDto, @Actor() actor: AuditActor): Promise<AdminAddressDto> {
    return this.admin.update(id, body, actor);
  }

  /**
   * Retires the address and the entries under it: no longer found or placed by; cases placed by it keep
   * their address, point and grid. Retiring a retired address changes nothing.
   */
  @Post(':id/retire')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: AdminAddressDto })
  retire(@Param('id', uuid) id: string, @Body() body: RetireAddressDto, @Actor() actor: AuditActor): Promise<AdminAddressDto> {
    return this.admin.retire(id, body.reason, actor);
  }
}

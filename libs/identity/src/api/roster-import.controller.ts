import { Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, ApiDoc, CurrentActor, Roles } from '@linli/platform';
import { RosterImportUseCase, RosterPreview } from '../application/roster-import.use-case';
import { identityError } from '../domain/identity-errors';
import {
  MAX_ROSTER_FILE_BYTES,
  ROSTER_UPLOAD_BODY,
  RosterImportedDto,
  RosterPreviewDto,
} from './roster-import.schema';

/** Multer answers 413 past the size (Nest maps its LIMIT_FILE_SIZE); one file, no other parts. */
const upload = FileInterceptor('file', {
  limits: { fileSize: MAX_ROSTER_FILE_BYTES, files: 1, fields: 0, parts: 1 },
});

/** The part multer keeps in memory (the project has no @types/multer; only the bytes are used). */
interface UploadedRoster {
  buffer: Buffer;
}

const fileOf = (file: UploadedRoster | undefined): Buffer => {
  if (!file) {
    throw identityError(
      'VALIDATION_FAILED',
      'Send the roster as multipart/form-data in the part named file',
      [{ field: 'body.file', message: 'required' }],
    );
  }
  return file.buffer;
};

@ApiTags('people 志愿者与居民')
@ApiBearerAuth()
@Controller('v1/roster-imports')
export class RosterImportController {
  constructor(private readonly imports: RosterImportUseCase) {}

  /** Nothing is written: every row with its issues, to show before the office confirms. */
  @Post('preview')
  @HttpCode(200)
  @Roles('organiser')
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(ROSTER_UPLOAD_BODY)
  @ApiDoc(
    'Check a volunteer roster (XLSX/CSV) without importing · 预览名册导入',
    'ROSTER_FILE_UNREADABLE',
    'ROSTER_COLUMNS_MISSING',
    'ROSTER_EMPTY',
    'ROSTER_TOO_MANY_ROWS',
    'PAYLOAD_TOO_LARGE',
  )
  @ApiOkResponse({ type: RosterPreviewDto.Output })
  preview(@CurrentActor() actor: Actor, @UploadedFile() file?: UploadedRoster): Promise<RosterPreview> {
    return this.imports.preview(actor, fileOf(file));
  }

  /** The same file again: all its people are added, or none when any row has an issue. */
  @Post()
  @Roles('organiser')
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(ROSTER_UPLOAD_BODY)
  @ApiDoc(
    'Import a volunteer roster: every row or none · 导入名册（全部或不导入）',
    'ROSTER_HAS_ERRORS',
    'ROSTER_FILE_UNREADABLE',
    'ROSTER_COLUMNS_MISSING',
    'ROSTER_EMPTY',
    'ROSTER_TOO_MANY_ROWS',
    'PAYLOAD_TOO_LARGE',
  )
  @ApiCreatedResponse({ type: RosterImportedDto.Output })
  confirm(@CurrentActor() actor: Actor, @UploadedFile() file?: UploadedRoster) {
    return this.imports.confirm(actor, fileOf(file));
  }
}

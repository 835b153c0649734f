import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { previewOpenApiDocument } from '../../apps/api/src/openapi/preview-document';
import { CONSOLE_TYPES_FILE } from './console-types-drift';

const HEADER = `/**
 * GENERATED from the API's OpenAPI document by \`npm run gen:client\` (openapi-typescript): do not edit.
 * The API's DTOs and @ApiProperty decorators are the source; test/unit/console-client.spec.ts fails
 * when this file no longer matches them.
 */
`;

/** The console's types for a given OpenAPI document, formatted as the repository's Prettier would. */
export async function consoleTypesOf(document: unknown): Promise<string> {
  const nodes = await openapiTS(document as OpenAPI3, { alphabetize: true, exportType: true });
  const options = (await resolveConfig(CONSOLE_TYPES_FILE)) ?? {};
  return format(HEADER + astToString(nodes), { ...options, parser: 'typescript' });
}

/** The types the current code generates: the document comes from the app in preview mode (no server). */
export async function generateConsoleTypes(): Promise<string> {
  return consoleTypesOf(await previewOpenApiDocument());
}

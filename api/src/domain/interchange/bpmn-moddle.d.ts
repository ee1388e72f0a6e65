// bpmn-moddle 10 exports a named factory `BpmnModdle` (no default export) and publishes its types only under
// "bpmn-moddle/types"; the tests need just this much of it.
declare module 'bpmn-moddle' {
  interface ModdleElement {
    $type: string;
    id?: string;
    name?: string;
    [property: string]: unknown;
  }
  interface ParseResult {
    rootElement: ModdleElement;
    references: unknown[];
    warnings: { message: string }[];
    elementsById: Record<string, ModdleElement>;
  }
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<ParseResult>;
  }
}

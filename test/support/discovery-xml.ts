// Discovery XML in the shapes the two WOPI clients really serve, around the tests' own proof keys.
// Collabora Online (/hosting/discovery): one external-http net-zone, apps named writer/calc/impress/draw plus
// legacy MIME-type apps with ext="", attributes in alphabetical order, urlsrc ".../browser/<hash>/cool.html?",
// commented-out apps, a Capabilities app, and a proof-key with value/modulus/exponent only.
// Office for the web: external-https zone, apps Word/Excel/..., attributes name-first, urlsrc with escaped
// <name=PLACEHOLDER&> sections, actions keyed by progid without ext, and a proof-key with the old key as well.
import type { TestProofKey } from './proof-signing';

export interface DiscoveryKeys {
  readonly current: TestProofKey;
  readonly old?: TestProofKey | undefined;
}

export function collaboraDiscoveryXml(origin: string, key?: TestProofKey): string {
  const urlsrc = `${origin}/browser/80a6f97/cool.html?`;
  const action = (name: string, ext: string, isDefault = true) =>
    `<action ${isDefault ? 'default="true" ' : ''}ext="${ext}" name="${name}" urlsrc="${urlsrc}"/>`;
  const proofKey = key ? `<proof-key exponent="${key.exponent}" modulus="${key.modulus}" value="${key.value}"/>` : '';
  return `<?xml version="1.0" encoding="utf-8"?>
<wopi-discovery>
<net-zone name="external-http">
<!--  Writer documents  -->
<app favIconUrl="${origin}/browser/80a6f97/images/x-office-document.svg" name="writer">
${action('view', 'sxw')}
${action('edit', 'odt')}
${action('edit', 'docx')}
${action('view', 'dotx')}
</app>
<app favIconUrl="${origin}/browser/80a6f97/images/x-office-spreadsheet.svg" name="calc">
${action('edit', 'ods')}
${action('edit', 'xlsx')}
</app>
<app favIconUrl="${origin}/browser/80a6f97/images/x-office-presentation.svg" name="impress">
${action('edit', 'pptx')}
</app>
<app name="draw">
${action('edit', 'odg')}
${action('view_comment', 'pdf', false)}
</app>
<!--  Math documents  -->
<!--  In fact Math documents are not supported at all.
        <app name="math">
            <action name="edit" default="true" ext="odf" urlsrc="${urlsrc}"/>
        </app>
         -->
<!--  Legacy MIME-type actions (compatibility)  -->
<app name="application/vnd.openxmlformats-officedocument.wordprocessingml.document">
${action('edit', '')}
</app>
<app name="Capabilities">
<action ext="" name="getinfo" urlsrc="${origin}/hosting/capabilities"/>
</app>
</net-zone>
${proofKey}
</wopi-discovery>
`;
}

const wordPlaceholders =
  '&lt;ui=UI_LLCC&amp;&gt;&lt;rs=DC_LLCC&amp;&gt;&lt;dchat=DISABLE_CHAT&amp;&gt;&lt;showpagestats=PERFSTATS&amp;&gt;&lt;IsLicensedUser=BUSINESS_USER&amp;&gt;';
const excelPlaceholders = '&lt;ui=UI_LLCC&amp;&gt;&lt;rs=DC_LLCC&amp;&gt;&lt;dchat=DISABLE_CHAT&amp;&gt;';

export function officeDiscoveryXml(keys: DiscoveryKeys): string {
  const old = keys.old ?? keys.current;
  return (
    '<?xml version="1.0" encoding="utf-8"?><wopi-discovery><net-zone name="external-https">' +
    '<app name="Word" favIconUrl="https://word-edit.officeapps.live.com/we/FavIcon_Word.ico" checkLicense="true">' +
    `<action name="view" ext="docx" default="true" urlsrc="https://word-view.officeapps.live.com/wv/wordviewerframe.aspx?${wordPlaceholders}" />` +
    `<action name="edit" ext="docx" requires="locks,cobalt,update" urlsrc="https://word-edit.officeapps.live.com/we/wordeditorframe.aspx?${wordPlaceholders}" />` +
    `<action name="editnew" ext="docx" requires="locks,cobalt,update" urlsrc="https://word-edit.officeapps.live.com/we/wordeditorframe.aspx?new=1&amp;${wordPlaceholders}" />` +
    `<action name="view" progid="Word.Document" urlsrc="https://word-view.officeapps.live.com/wv/wordviewerframe.aspx?${wordPlaceholders}" />` +
    '</app>' +
    '<app name="Excel" favIconUrl="https://excel.officeapps.live.com/x/FavIcon_Excel.ico" checkLicense="true">' +
    `<action name="view" ext="xlsx" default="true" urlsrc="https://excel.officeapps.live.com/x/_layouts/xlviewerinternal.aspx?${excelPlaceholders}" />` +
    `<action name="edit" ext="xlsx" requires="update" urlsrc="https://excel.officeapps.live.com/x/_layouts/xlviewerinternal.aspx?edit=1&amp;${excelPlaceholders}" />` +
    '<action name="preloadview" ext="xlsx" urlsrc="https://excel.officeapps.live.com/x/StaticLoad.aspx?wx=x&amp;wv=v&amp;&lt;ui=UI_LLCC&gt;" />' +
    '</app></net-zone>' +
    `<proof-key oldvalue="${old.value}" oldmodulus="${old.modulus}" oldexponent="${old.exponent}" ` +
    `value="${keys.current.value}" modulus="${keys.current.modulus}" exponent="${keys.current.exponent}" />` +
    '</wopi-discovery>'
  );
}

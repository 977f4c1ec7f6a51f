// Class names Lexical puts on the discussion's elements; the look is in styles.css ("Minutes editor").
import type { EditorThemeClasses } from 'lexical';

export const discussionTheme: EditorThemeClasses = {
  paragraph: 'ed-p',
  text: {
    bold: 'ed-bold',
    italic: 'ed-italic',
    underline: 'ed-underline',
    strikethrough: 'ed-strike',
    underlineStrikethrough: 'ed-underline-strike',
    subscript: 'ed-sub',
    superscript: 'ed-sup',
  },
  list: {
    ul: 'ed-ul',
    ol: 'ed-ol',
    listitem: 'ed-li',
    nested: { listitem: 'ed-nested' },
  },
  link: 'ed-link',
  table: 'ed-table',
  tableScrollableWrapper: 'ed-table-scroll',
  tableCell: 'ed-td',
  tableCellHeader: 'ed-th',
  ltr: 'ed-ltr',
  rtl: 'ed-rtl',
};

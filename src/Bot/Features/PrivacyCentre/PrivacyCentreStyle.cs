namespace ChatCrm.Bot.Features.PrivacyCentre;

/// <summary>
/// The one style sheet (served from our own address, so the CSP allows no inline style): readable on a phone, text and
/// controls at WCAG AA contrast or better, a visible focus ring for keyboard users.
/// </summary>
public static class PrivacyCentreStyle
{
    public const string Css = """
        :root { color: #1b1b1b; background: #ffffff; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        body { margin: 0 auto; max-width: 60rem; padding: 0 1rem 3rem; }
        header { display: flex; flex-wrap: wrap; gap: .75rem 1.5rem; align-items: center; border-bottom: 1px solid #6b6b6b; padding: .75rem 0; }
        .brand { font-weight: 700; margin: 0; flex: 1 1 auto; }
        a { color: #0a4da3; }
        a:hover { color: #06356f; }
        :focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }
        .skip { position: absolute; left: -999px; }
        .skip:focus { left: 1rem; top: .5rem; background: #ffffff; padding: .5rem; }
        h1 { font-size: 1.6rem; line-height: 1.25; }
        h2 { font-size: 1.25rem; margin-top: 2rem; border-top: 1px solid #d0d0d0; padding-top: 1rem; }
        label { display: block; font-weight: 600; margin: .75rem 0 .25rem; }
        input[type=email], textarea { box-sizing: border-box; width: 100%; max-width: 32rem; font: inherit; padding: .6rem; border: 2px solid #595959; border-radius: 4px; color: #1b1b1b; background: #ffffff; }
        textarea { min-height: 6rem; }
        button { font: inherit; font-weight: 600; min-height: 44px; padding: .5rem 1rem; margin-top: .75rem; border: 2px solid #0a4da3; border-radius: 4px; background: #0a4da3; color: #ffffff; cursor: pointer; }
        button.secondary { background: #ffffff; color: #0a4da3; }
        form.inline { display: inline; }
        form.inline button { margin-top: 0; }
        .hint, .empty { color: #4a4a4a; }
        .notice { border-left: 4px solid #0a4da3; padding: .5rem 1rem; background: #eef3fb; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; min-width: 30rem; }
        caption { text-align: left; font-weight: 600; padding: .25rem 0; }
        th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid #d0d0d0; }
        dl.facts { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: .25rem 1rem; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; }
        @media print { header, form, .skip { display: none; } a { color: #1b1b1b; } }
        """;
}

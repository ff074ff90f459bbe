using Baton.Expressions.Syntax;

namespace Baton.Expressions;

/// <summary>Collects the parts, errors and references of a template while it is parsed.</summary>
internal sealed class TemplateBuilder
{
    public List<TemplatePart> Parts { get; } = [];

    public List<ExpressionError> Errors { get; } = [];

    public List<ExpressionReference> References { get; } = [];

    /// <summary>Parses one expression from its tokens. <paramref name="open"/> is where its <c>${{</c> starts (or the bare text).</summary>
    public void Add(string text, int open, int contentStart, List<Token> tokens)
    {
        var end = tokens[^1];
        if (tokens.Count == 1)
        {
            Errors.Add(new ExpressionError("The expression is empty: write a value or a name, such as 'inputs.name'.", open, end.End - open));
            return;
        }

        try
        {
            var root = Parser.Parse(text, tokens, References);
            Parts.Add(new TemplatePart(null, new ExpressionPart(root, text[contentStart..end.Start].Trim())));
        }
        catch (ParseFailure failure)
        {
            Errors.Add(failure.Error);
        }
    }
}

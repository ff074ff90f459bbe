using System.Text.Json;
using Json.Schema;

namespace Baton.Definitions.Compiler.Validation.Keywords;

/// <summary><c>const</c>, compared with <see cref="JsonEquality"/>, so that numbers of any size compare exactly.</summary>
internal sealed class ExactConstKeyword : IKeywordHandler
{
    public string Name => "const";

    public object? ValidateKeywordValue(JsonElement value) => null;

    public void BuildSubschemas(KeywordData keyword, BuildContext context)
    {
    }

    public KeywordEvaluation Evaluate(KeywordData keyword, EvaluationContext context)
    {
        var valid = JsonEquality.AreEqual(context.Instance, keyword.RawValue);
        return new KeywordEvaluation { Keyword = Name, IsValid = valid, Error = valid ? null : "Value does not equal the const value" };
    }
}

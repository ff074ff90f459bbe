using System.Text.Json.Nodes;
using Baton.Expressions;

namespace Baton.Core.Tests.Expressions;

public class ValueOwnershipTests
{
    private const string Data = """{ "inputs": { "id": 12345678901234567890, "obj": { "a": [1, 2] }, "list": [{ "x": 1 }] } }""";

    [Fact]
    public void Evaluate_MemberRead_ReturnsTheContextNodeItself()
    {
        var context = new TestExpressionContext(Data);

        var result = Expr.Eval("inputs.obj", context);

        result.Should().BeSameAs(context["inputs"]!["obj"]);
    }

    [Fact]
    public void Evaluate_PassedThroughId_KeepsItsExactText()
    {
        var context = new TestExpressionContext(Data);

        Expr.Eval("inputs.missing ?? inputs.id", context)!.ToJsonString().Should().Be("12345678901234567890");
        Expr.Eval("coalesce(null, inputs.id)", context)!.ToJsonString().Should().Be("12345678901234567890");
        Expr.Eval("[inputs.id]", context)!.ToJsonString().Should().Be("[12345678901234567890]");
    }

    [Fact]
    public void Evaluate_RootAlone_ReturnsACopyThatTheCallerMayAdopt()
    {
        var context = new TestExpressionContext(Data);

        var result = Expr.Eval("inputs", context);
        new JsonObject { ["copy"] = result };

        result.Should().NotBeSameAs(context["inputs"]);
        context["inputs"]!.Parent.Should().BeNull();
    }

    [Fact]
    public void Evaluate_ContainerOfContextValues_ClonesThem()
    {
        var context = new TestExpressionContext(Data);
        var before = context["inputs"]!.ToJsonString();

        var result = Expr.Eval("{ all: inputs, obj: inputs.obj, items: inputs.list + inputs.list, first: [inputs.list[0]] }", context)!;
        result["obj"]!["a"]!.AsArray().Add(3);
        result["all"]!["extra"] = 1;

        context["inputs"]!.ToJsonString().Should().Be(before);
        context["inputs"]!.Parent.Should().BeNull();
        context["inputs"]!["obj"]!.Parent.Should().BeSameAs(context["inputs"]);
    }

    [Fact]
    public void Evaluate_FunctionsOverContextValues_LeaveThemUnchanged()
    {
        var context = new TestExpressionContext("""{ "l": [3, 1, 2, [4]], "m": { "b": 1, "a": [2] } }""");
        var before = context["l"]!.ToJsonString() + context["m"]!.ToJsonString();

        Expr.Eval("[sort(slice(l, 0, 3)), reverse(l), distinct(l + l), flatten(l), values(m), keys(m), l.*, m.*]", context)!
            .ToJsonString().Should().Be("[[1,2,3],[[4],2,1,3],[3,1,2,[4]],[3,1,2,4],[1,[2]],[\"b\",\"a\"],[3,1,2,[4]],[1,[2]]]");

        (context["l"]!.ToJsonString() + context["m"]!.ToJsonString()).Should().Be(before);
    }

    [Fact]
    public void Evaluate_LiteralResults_AreFreshEachTime()
    {
        var template = Expr.Valid(Template.Parse("${{ 'text' }}"));
        var context = new TestExpressionContext();

        var first = template.Evaluate(context);
        new JsonArray(first);
        var second = template.Evaluate(context);

        second.Should().NotBeSameAs(first);
        second!.Parent.Should().BeNull();
    }
}

using System.Text.Json.Nodes;
using Baton.Expressions;

namespace Baton.Core.Tests.Expressions;

public class ConversionFunctionTests
{
    private const string Data = """{ "v": { "name": "Zoë", "n": 1.50, "obj": { "a": [1, null, true] }, "json": "{\"x\": [1, 2]}", "id": 12345678901234567890 } }""";

    [Theory]
    [InlineData("toJson(v.obj)", "{\"a\":[1,null,true]}")]
    [InlineData("toJson(v.name)", "\"Zoë\"")]
    [InlineData("toJson(v.n)", "1.50")]
    [InlineData("toJson(1 / 4)", "0.25")]
    [InlineData("toJson(null)", "null")]
    [InlineData("toJson(false)", "false")]
    [InlineData("toJson('say \"hi\"')", "\"say \\\"hi\\\"\"")]
    [InlineData("toJson({ k: [v.id] })", "{\"k\":[12345678901234567890]}")]
    public void ToJson_Value_GivesCompactJson(string expression, string text)
    {
        Expr.Eval(expression, Data)!.GetValue<string>().Should().Be(text);
    }

    [Fact]
    public void ToJson_NotFiniteNumber_FailsWithExpressionException()
    {
        var context = new TestExpressionContext();
        context["x"] = new JsonArray(JsonValue.Create(double.NaN));

        var act = () => Expr.Eval("toJson(x)", context);

        act.Should().Throw<ExpressionException>().WithMessage("Evaluating 'toJson(x)' failed: *");
    }

    [Theory]
    [InlineData("fromJson(v.json).x[1]", "2")]
    [InlineData("fromJson('12345678901234567890')", "12345678901234567890")]
    [InlineData("fromJson('null')", "null")]
    [InlineData("fromJson(null)", "null")]
    [InlineData("fromJson(toJson(v.obj)) == v.obj", "true")]
    public void FromJson_JsonText_GivesTheValue(string expression, string json)
    {
        Expr.Json(expression, Data).Should().Be(json);
    }

    [Theory]
    [InlineData("fromJson('{bad')", "Function 'fromJson' could not read its argument as JSON (line 1, position 2) in 'fromJson('{bad')'.")]
    [InlineData("fromJson(1)", "Function 'fromJson' expects a string as its first argument, not a number in 'fromJson(1)'.")]
    [InlineData("fromJson('{\"a\": 1, \"a\": 2}')", "Function 'fromJson' could not read its argument as JSON (line 1, position 10) in 'fromJson('{\"a\": 1, \"a\": 2}')'.")]
    [InlineData("fromJson('[\"\\ud800\"]')", "Function 'fromJson' could not read its argument as JSON (line 1, position 2) in 'fromJson('[\"\\ud800\"]')'.")]
    public void FromJson_BadInput_Fails(string expression, string message)
    {
        Expr.Fails(expression, Data).Message.Should().Be(message);
    }

    [Theory]
    [InlineData("string(v.n)", "\"1.50\"")]
    [InlineData("string(2.50)", "\"2.5\"")]
    [InlineData("string(null)", "\"\"")]
    [InlineData("string(true)", "\"true\"")]
    [InlineData("string(v.obj)", "\"{\\\"a\\\":[1,null,true]}\"")]
    [InlineData("string(v.name)", "\"Zoë\"")]
    public void String_Value_GivesInterpolationText(string expression, string json)
    {
        Expr.ToJson(Expr.Eval(expression, Data)).Should().Be(json);
    }

    [Fact]
    public void String_WrongArity_IsAParseError()
    {
        Expr.SingleError(Template.ParseExpression("string(1, 2)")).Message.Should().Be("Function 'string' takes 1 argument, but was given 2.");
    }

    [Theory]
    [InlineData("number('42')", "42")]
    [InlineData("number(' -1.5e2 ')", "-150")]
    [InlineData("number(true)", "1")]
    [InlineData("number(false)", "0")]
    [InlineData("number(v.id)", "12345678901234567890")]
    public void Number_Convertible_GivesANumber(string expression, string json)
    {
        Expr.Json(expression, Data).Should().Be(json);
    }

    [Theory]
    [InlineData("number('abc')", "Function 'number' could not read a string of 3 characters as a number in 'number('abc')'.")]
    [InlineData("number('1e999')", "Function 'number' could not read a string of 5 characters as a number in 'number('1e999')'.")]
    [InlineData("number(null)", "Function 'number' cannot make a number from null in 'number(null)'.")]
    [InlineData("number([1])", "Function 'number' cannot make a number from a list in 'number([1])'.")]
    public void Number_NotConvertible_Fails(string expression, string message)
    {
        Expr.Fails(expression, Data).Message.Should().Be(message);
    }

    [Theory]
    [InlineData("bool(0)", "false")]
    [InlineData("bool('0')", "true")]
    [InlineData("bool([])", "true")]
    [InlineData("bool(v.missing)", "false")]
    public void Bool_Value_GivesItsTruthiness(string expression, string json)
    {
        Expr.Json(expression, Data).Should().Be(json);
    }

    [Fact]
    public void Bool_WrongArity_IsAParseError()
    {
        Expr.SingleError(Template.ParseExpression("bool()")).Message.Should().Be("Function 'bool' takes 1 argument, but was given 0.");
    }

    [Theory]
    [InlineData("len(v.name)", "3")]
    [InlineData("len(v.obj.a)", "3")]
    [InlineData("len(v.obj)", "1")]
    [InlineData("len(v.missing)", "0")]
    [InlineData("len('')", "0")]
    public void Len_Value_CountsItsParts(string expression, string json)
    {
        Expr.Json(expression, Data).Should().Be(json);
    }

    [Fact]
    public void Len_Number_Fails()
    {
        Expr.Fails("len(5)").Message.Should().Be("Function 'len' expects a string, a list or a mapping as its first argument, not a number in 'len(5)'.");
    }
}

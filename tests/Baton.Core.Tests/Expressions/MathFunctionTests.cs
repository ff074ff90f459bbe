namespace Baton.Core.Tests.Expressions;

public class MathFunctionTests
{
    private const string Data = """{ "l": [4, 1.5, 2], "e": [], "big": 12345678901234567890, "n": null }""";

    [Theory]
    [InlineData("sum(l)", "7.5")]
    [InlineData("sum(e)", "0")]
    [InlineData("sum(n)", "0")]
    [InlineData("avg(l)", "2.5")]
    [InlineData("avg(e)", "null")]
    [InlineData("min(l)", "1.5")]
    [InlineData("max(l)", "4")]
    [InlineData("min(3, 1, 2)", "1")]
    [InlineData("max(3, 1, 2)", "3")]
    [InlineData("max(7)", "7")]
    [InlineData("min(e)", "null")]
    [InlineData("max(big, 1)", "12345678901234567890")]
    public void Aggregates_Numbers_Compute(string expression, string json)
    {
        Expr.Json(expression, Data).Should().Be(json);
    }

    [Theory]
    [InlineData("sum([1, '2'])", "Function 'sum' adds numbers only, but item 1 of the list is a string in 'sum([1, '2'])'.")]
    [InlineData("avg([null])", "Function 'avg' adds numbers only, but item 0 of the list is null in 'avg([null])'.")]
    [InlineData("min([1, 'a'])", "Function 'min' compares numbers only, but item 1 is a string in 'min([1, 'a'])'.")]
    [InlineData("max(1, [2])", "Function 'max' compares numbers only, but item 1 is a list in 'max(1, [2])'.")]
    [InlineData("sum('abc')", "Function 'sum' expects a list as its first argument, not a string in 'sum('abc')'.")]
    [InlineData("sum([1e308, 1e308])", "Function 'sum' gave a result that is not a finite number in 'sum([1e308, 1e308])'.")]
    public void Aggregates_NonNumbers_Fail(string expression, string message)
    {
        Expr.Fails(expression, Data).Message.Should().Be(message);
    }

    [Theory]
    [InlineData("round(2.5)", "3")]
    [InlineData("round(-2.5)", "-3")]
    [InlineData("round(1.005, 2)", "1.01")]
    [InlineData("round(-1.005, 2)", "-1.01")]
    [InlineData("round(2.675, 2)", "2.68")]
    [InlineData("round(1e30, 2)", "1E+30")]
    [InlineData("round(1.2345, 2)", "1.23")]
    [InlineData("round(0.125, 2)", "0.13")]
    [InlineData("floor(-1.5)", "-2")]
    [InlineData("ceil(1.2)", "2")]
    [InlineData("abs(-3)", "3")]
    public void Rounding_Numbers_Compute(string expression, string json)
    {
        Expr.Json(expression, Data).Should().Be(json);
    }

    [Theory]
    [InlineData("round(1, 16)", "Function 'round' rounds to 0 to 15 digits, not 16 in 'round(1, 16)'.")]
    [InlineData("round(1, -1)", "Function 'round' rounds to 0 to 15 digits, not -1 in 'round(1, -1)'.")]
    [InlineData("floor('1')", "Function 'floor' expects a number as its first argument, not a string in 'floor('1')'.")]
    [InlineData("ceil(n)", "Function 'ceil' expects a number as its first argument, not null in 'ceil(n)'.")]
    [InlineData("abs(true)", "Function 'abs' expects a number as its first argument, not a boolean in 'abs(true)'.")]
    [InlineData("round([])", "Function 'round' expects a number as its first argument, not a list in 'round([])'.")]
    public void Rounding_BadArguments_Fail(string expression, string message)
    {
        Expr.Fails(expression, Data).Message.Should().Be(message);
    }
}

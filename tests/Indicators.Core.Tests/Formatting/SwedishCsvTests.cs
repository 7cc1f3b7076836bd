using System.Text;
using Indicators.Core.Formatting;

namespace Indicators.Core.Tests.Formatting;

public class SwedishCsvTests
{
    [Fact]
    public void Rows_are_semicolon_separated_UTF8_with_a_BOM_quoted_where_needed_and_formulas_defused()
    {
        var bytes = SwedishCsv.Create(["Fält", "Värde"], [["=1+1", "a;b"], ["-3", "säg \"hej\""], [null, "@x"]]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("Fält;Värde\r\n'=1+1;\"a;b\"\r\n'-3;\"säg \"\"hej\"\"\"\r\n;'@x\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }
}

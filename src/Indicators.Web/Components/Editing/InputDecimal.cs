using System.Diagnostics.CodeAnalysis;
using Indicators.Core.Formatting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Rendering;

namespace Indicators.Web.Components.Editing;

/// <summary>
/// A number field as Swedes type numbers: "12,5", "1 234,5" (a point works too), shown back with a decimal comma. Text
/// that is no number gets a Swedish message naming the field (<see cref="InputBase{TValue}.DisplayName"/>), where
/// InputNumber would say "The field must be a number." An empty field is null.
/// </summary>
public sealed class InputDecimal : InputBase<decimal?>
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.OpenElement(0, "input");
        builder.AddMultipleAttributes(1, AdditionalAttributes);
        builder.AddAttribute(2, "type", "text");
        builder.AddAttribute(3, "inputmode", "decimal");
        builder.AddAttribute(4, "name", string.IsNullOrEmpty(NameAttributeValue) ? null : NameAttributeValue);
        builder.AddAttribute(5, "class", string.IsNullOrEmpty(CssClass) ? null : CssClass);
        builder.AddAttribute(6, "value", CurrentValueAsString);
        builder.AddAttribute(7, "onchange", EventCallback.Factory.CreateBinder<string?>(this, v => CurrentValueAsString = v, CurrentValueAsString));
        builder.SetUpdatesAttributeName("value");
        builder.CloseElement();
    }

    protected override string? FormatValueAsString(decimal? value) => value?.ToString("0.######", SwedishFormat.Culture);

    protected override bool TryParseValueFromString(string? value, out decimal? result, [NotNullWhen(false)] out string? validationErrorMessage)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            result = null;
            validationErrorMessage = null;
            return true;
        }

        if (NumberText.TryParse(value, out var number))
        {
            result = number;
            validationErrorMessage = null;
            return true;
        }

        result = null;
        validationErrorMessage = $"{DisplayName ?? FieldIdentifier.FieldName}: '{value.Trim()}' är inget tal. Skriv till exempel 12,5.";
        return false;
    }
}

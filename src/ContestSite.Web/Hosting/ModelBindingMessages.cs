using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Hosting;

/// <summary>The framework's own form messages ("The value 'x' is not valid…") in the visitor's language.</summary>
public sealed class ModelBindingMessages(IStringLocalizerFactory localizers) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var t = localizers.Create(typeof(ModelBindingMessages));
        var messages = options.ModelBindingMessageProvider;
        messages.SetValueMustBeANumberAccessor(_ => t["请输入数字。"]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => t["请输入数字。"]);
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => t["填写的值“{0}”无效。", value]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => t["填写的值“{0}”无效。", value]);
        messages.SetValueIsInvalidAccessor(value => t["填写的值“{0}”无效。", value]);
        messages.SetUnknownValueIsInvalidAccessor(_ => t["填写的值无效。"]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["填写的值无效。"]);
        messages.SetValueMustNotBeNullAccessor(_ => t["请填写必填项。"]);
        messages.SetMissingBindRequiredValueAccessor(_ => t["请填写必填项。"]);
        messages.SetMissingKeyOrValueAccessor(() => t["请填写必填项。"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => t["请填写必填项。"]);
    }
}

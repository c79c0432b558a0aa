-- WhatsApp-template campaigns: each frozen recipient keeps its rendered template parameters (a JSON array of
-- strings), as messages.template_parameters does; the campaign's template (name, language, parameters with
-- placeholders, category) goes in the campaigns.template column V31 reserved for it.
ALTER TABLE campaign_recipients ADD COLUMN parameters VARCHAR(8000);
-- room for a template whose parameters are long texts with placeholders
ALTER TABLE campaigns ALTER COLUMN template SET DATA TYPE VARCHAR(16000);

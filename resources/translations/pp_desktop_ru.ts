<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AppController</name>
    <message>
        <location filename="../../pp_desktop/ui/controller.py" line="134"/>
        <source>The vault was locked after {minutes} minutes without activity. Enter the passphrase to continue.</source>
        <translation>Хранилище заблокировано после {minutes} мин. бездействия. Введите парольную фразу, чтобы продолжить.</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../pp_desktop/ui/forms/attachments_panel.py" line="46"/>
        <source>%1 KB</source>
        <translation>%1 КБ</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/attachments_panel.py" line="49"/>
        <source>%1 MB</source>
        <translation>%1 МБ</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/attachments_panel.py" line="74"/>
        <source>Add file…</source>
        <translation>Добавить файл…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/attachments_panel.py" line="76"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/attachments_panel.py" line="78"/>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/attachments_panel.py" line="83"/>
        <source>Attach a file (at most %1 MB); it is stored encrypted in the vault</source>
        <translation>Прикрепить файл (не более %1 МБ); он хранится в хранилище в зашифрованном виде</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/attachments_panel.py" line="121"/>
        <source>— added when you save</source>
        <translation>— будет добавлено при сохранении</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/attachments_panel.py" line="134"/>
        <source>Attach files</source>
        <translation>Прикрепить файлы</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/attachments_panel.py" line="146"/>
        <source>%1 is %2; attachments are limited to %3 MB. Reduce or compress the file, or keep it outside the vault.</source>
        <translation>%1: %2; вложения ограничены %3 МБ. Уменьшите или сожмите файл либо храните его вне хранилища.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/attachments_panel.py" line="157"/>
        <source>%1 cannot be read: %2</source>
        <translation>Не удаётся прочитать %1: %2</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <location filename="../../pp_desktop/ui/audit_page.py" line="34"/>
        <source>Verify chain</source>
        <translation>Проверить цепочку</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/audit_page.py" line="37"/>
        <source>Recompute every entry&apos;s hash and check that none was altered or removed</source>
        <translation>Пересчитать хеш каждой записи и убедиться, что ни одна не изменена и не удалена</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/audit_page.py" line="60"/>
        <source>Verifying the audit chain</source>
        <translation>Проверка цепочки аудита</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/audit_page.py" line="76"/>
        <source>The audit chain is intact: {n} entries checked, none altered.</source>
        <translation>Цепочка аудита не нарушена: проверено записей — {n}, изменённых нет.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/audit_page.py" line="80"/>
        <source>The audit chain is broken at entry {seq}: {reason}. Entries before it are intact. Report this to HQ and keep the vault as it is.</source>
        <translation>Цепочка аудита нарушена на записи {seq}: {reason}. Записи до неё не повреждены. Сообщите об этом в штаб-квартиру и не изменяйте хранилище.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/audit_page.py" line="94"/>
        <source>The chain could not be verified: {message}</source>
        <translation>Не удалось проверить цепочку: {message}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/audit_page.py" line="101"/>
        <source>Verification cancelled; nothing was checked fully.</source>
        <translation>Проверка отменена; полностью ничего не проверено.</translation>
    </message>
</context>
<context>
    <name>ChildList</name>
    <message>
        <location filename="../../pp_desktop/ui/forms/child_list.py" line="66"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/child_list.py" line="68"/>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/child_list.py" line="107"/>
        <source>— added when you save</source>
        <translation>— будет добавлено при сохранении</translation>
    </message>
</context>
<context>
    <name>CodeListField</name>
    <message>
        <location filename="../../pp_desktop/ui/forms/code_list_field.py" line="25"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/code_list_field.py" line="28"/>
        <source>Add the chosen country (Enter in the box)</source>
        <translation>Добавить выбранную страну (Enter в поле)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/code_list_field.py" line="36"/>
        <source>Click a country, or select it and press Delete, to remove it</source>
        <translation>Чтобы убрать страну, щёлкните её или выберите и нажмите Delete</translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <location filename="../../pp_desktop/ui/exchange/mapping_dialog.py" line="51"/>
        <source>Map the columns of a counterpart&apos;s workbook</source>
        <translation>Сопоставить столбцы книги партнёра</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/mapping_dialog.py" line="54"/>
        <source>Seizures</source>
        <translation>Изъятия</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/mapping_dialog.py" line="55"/>
        <source>Prices</source>
        <translation>Цены</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/mapping_dialog.py" line="56"/>
        <source>Organisations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/mapping_dialog.py" line="57"/>
        <source>Projects</source>
        <translation>Проекты</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/mapping_dialog.py" line="58"/>
        <source>Project donors</source>
        <translation>Доноры проектов</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/mapping_dialog.py" line="59"/>
        <source>Recommendations</source>
        <translation>Рекомендации</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/mapping_dialog.py" line="60"/>
        <source>Progress notes</source>
        <translation>Заметки о ходе</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/mapping_dialog.py" line="61"/>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/mapping_dialog.py" line="65"/>
        <source>Say which kind of record the sheet holds and which field each of its columns is. Columns set to “not imported” are ignored. The mapping is remembered for this source once the import is done.</source>
        <translation>Укажите, какие записи содержит лист и каким полем является каждый его столбец. Столбцы «не импортируется» пропускаются. После импорта сопоставление запоминается для этого источника.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/mapping_dialog.py" line="75"/>
        <source>e.g. Drug Control Agency of Tajikistan</source>
        <translation>напр. Агентство по контролю за наркотиками Таджикистана</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/mapping_dialog.py" line="86"/>
        <source>Column in the file</source>
        <translation>Столбец в файле</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/mapping_dialog.py" line="86"/>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/mapping_dialog.py" line="94"/>
        <source>Use this mapping</source>
        <translation>Использовать это сопоставление</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/mapping_dialog.py" line="99"/>
        <source>Source (who sent it):</source>
        <translation>Источник (кто прислал):</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/mapping_dialog.py" line="100"/>
        <source>Sheet:</source>
        <translation>Лист:</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/mapping_dialog.py" line="101"/>
        <source>Kind of record:</source>
        <translation>Вид записей:</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/mapping_dialog.py" line="114"/>
        <source>— not imported —</source>
        <translation>— не импортируется —</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/mapping_dialog.py" line="167"/>
        <source>Two columns are mapped to the same field</source>
        <translation>Два столбца сопоставлены одному полю</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="87"/>
        <source>Conflicts</source>
        <translation>Конфликты</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="91"/>
        <source>These records were changed on this laptop and elsewhere before either side heard of the other. Both versions are kept; the record shows the later edit until you decide. Your decision is sent to HQ with the next sync.</source>
        <translation>Эти записи изменены на этом ноутбуке и в другом месте прежде, чем стороны узнали друг о друге. Обе версии сохранены; пока вы не решите, запись показывает более позднюю правку. Ваше решение уйдёт в штаб-квартиру при следующей синхронизации.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="110"/>
        <source>No open conflicts.</source>
        <translation>Открытых конфликтов нет.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="135"/>
        <source>Keep mine</source>
        <translation>Оставить мою</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="137"/>
        <source>Keep this laptop&apos;s version of every conflicting field</source>
        <translation>Оставить версию этого ноутбука для каждого конфликтующего поля</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="139"/>
        <source>Keep theirs</source>
        <translation>Принять их</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="141"/>
        <source>Take the other version of every conflicting field</source>
        <translation>Принять другую версию для каждого конфликтующего поля</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="143"/>
        <source>Apply my choices</source>
        <translation>Применить мой выбор</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="147"/>
        <source>Keep, field by field, the version chosen in the last column</source>
        <translation>Оставить для каждого поля версию, выбранную в последнем столбце</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="175"/>
        <source>Quarantined changes</source>
        <translation>Изменения в карантине</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="179"/>
        <source>Changes refused by validation are kept here with the reason, never dropped. Correct the record and sync again.</source>
        <translation>Изменения, отклонённые проверкой, хранятся здесь с причиной и никогда не теряются. Исправьте запись и синхронизируйте снова.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="190"/>
        <source>Record type</source>
        <translation>Тип записи</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="191"/>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="192"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="193"/>
        <source>From</source>
        <translation>Откуда</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="194"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="204"/>
        <source>No quarantined changes.</source>
        <translation>Изменений в карантине нет.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="256"/>
        <source>Fields in conflict: {fields}</source>
        <translation>Поля в конфликте: {fields}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="298"/>
        <source>HQ (refused there)</source>
        <translation>Штаб-квартира (отклонено там)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="300"/>
        <source>HQ (refused here)</source>
        <translation>Штаб-квартира (отклонено здесь)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="329"/>
        <source>Nothing to decide</source>
        <translation>Решать нечего</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="337"/>
        <source>Detected {when}. Other version from: {source}. Fields that differ: {n} (highlighted).</source>
        <translation>Обнаружено {when}. Другая версия получена от: {source}. Различающихся полей: {n} (выделены).</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="341"/>
        <source>HQ</source>
        <translation>Штаб-квартира</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="347"/>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="348"/>
        <source>This laptop (mine)</source>
        <translation>Этот ноутбук (моя)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="349"/>
        <source>Other version (theirs)</source>
        <translation>Другая версия (их)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="350"/>
        <source>Keep</source>
        <translation>Оставить</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="372"/>
        <source>Mine</source>
        <translation>Моя</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="373"/>
        <source>Theirs</source>
        <translation>Их</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflict_rows.py" line="85"/>
        <source>Deleted</source>
        <translation>Удалена</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflict_rows.py" line="79"/>
        <source>deleted</source>
        <translation>удалена</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflict_rows.py" line="80"/>
        <source>kept</source>
        <translation>сохранена</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflict_rows.py" line="46"/>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflict_rows.py" line="48"/>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="410"/>
        <source>Resolved. Your decision is sent to HQ with the next sync.</source>
        <translation>Разрешено. Ваше решение уйдёт в штаб-квартиру при следующей синхронизации.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="423"/>
        <source>This conflict could not be resolved</source>
        <translation>Не удалось разрешить этот конфликт</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <location filename="../../pp_desktop/ui/forms/contact_form.py" line="14"/>
        <source>Edit contact</source>
        <translation>Изменить контакт</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/contact_form.py" line="14"/>
        <source>New contact</source>
        <translation>Новый контакт</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/contact_form.py" line="21"/>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/contact_form.py" line="23"/>
        <source>&amp;Name</source>
        <translation>&amp;Имя</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/contact_form.py" line="24"/>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/contact_form.py" line="25"/>
        <source>Role</source>
        <translation>Должность</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/contact_form.py" line="26"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/contact_form.py" line="27"/>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/contact_form.py" line="28"/>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
</context>
<context>
    <name>CreateVaultDialog</name>
    <message>
        <location filename="../../pp_desktop/ui/create_vault_dialog.py" line="67"/>
        <location filename="../../pp_desktop/ui/create_vault_dialog.py" line="163"/>
        <source>Create a new vault</source>
        <translation>Создать новое хранилище</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/create_vault_dialog.py" line="95"/>
        <source>The vault keeps your records encrypted on this laptop. Choose where it lives and a passphrase: at least 12 characters, not a common password — several unrelated words work well.</source>
        <translation>Хранилище держит ваши записи на этом ноутбуке в зашифрованном виде. Выберите, где оно будет находиться, и парольную фразу: не менее 12 символов, не распространённый пароль — хорошо подходят несколько не связанных слов.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/create_vault_dialog.py" line="106"/>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/create_vault_dialog.py" line="116"/>
        <source>Your name, as it will appear in the audit log</source>
        <translation>Ваше имя, как оно будет указано в журнале аудита</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/create_vault_dialog.py" line="139"/>
        <source>Vault folder:</source>
        <translation>Папка хранилища:</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/create_vault_dialog.py" line="140"/>
        <source>Officer name:</source>
        <translation>Имя сотрудника:</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/create_vault_dialog.py" line="141"/>
        <source>Home country:</source>
        <translation>Страна:</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/create_vault_dialog.py" line="142"/>
        <source>Device label:</source>
        <translation>Название устройства:</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/create_vault_dialog.py" line="143"/>
        <source>Passphrase:</source>
        <translation>Парольная фраза:</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/create_vault_dialog.py" line="145"/>
        <source>Repeat:</source>
        <translation>Повтор:</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/create_vault_dialog.py" line="148"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/create_vault_dialog.py" line="150"/>
        <location filename="../../pp_desktop/ui/create_vault_dialog.py" line="240"/>
        <source>Create vault</source>
        <translation>Создать хранилище</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/create_vault_dialog.py" line="178"/>
        <source>Folder of the new vault</source>
        <translation>Папка нового хранилища</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/create_vault_dialog.py" line="187"/>
        <source>Choose a folder for the vault.</source>
        <translation>Выберите папку для хранилища.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/create_vault_dialog.py" line="189"/>
        <source>That folder already holds a vault. Choose an empty or new folder.</source>
        <translation>В этой папке уже есть хранилище. Выберите пустую или новую папку.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/create_vault_dialog.py" line="191"/>
        <source>Enter your name.</source>
        <translation>Введите своё имя.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/create_vault_dialog.py" line="193"/>
        <source>Enter a label for this laptop.</source>
        <translation>Введите название этого ноутбука.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/create_vault_dialog.py" line="196"/>
        <source>Choose a passphrase.</source>
        <translation>Придумайте парольную фразу.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/create_vault_dialog.py" line="201"/>
        <source>The two passphrases do not match yet.</source>
        <translation>Две парольные фразы пока не совпадают.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/create_vault_dialog.py" line="213"/>
        <source>Ready: the passphrase meets the policy.</source>
        <translation>Готово: парольная фраза соответствует требованиям.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/create_vault_dialog.py" line="240"/>
        <source>Creating…</source>
        <translation>Создание…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/create_vault_dialog.py" line="264"/>
        <source>Your recovery key</source>
        <translation>Ваш ключ восстановления</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/create_vault_dialog.py" line="268"/>
        <source>The vault is created. Below is its recovery key: it is shown only this once. Write it down on paper and keep it apart from this laptop. If you ever forget your passphrase, the recovery key lets you set a new one; without both, nobody — not even HQ — can open the vault.</source>
        <translation>Хранилище создано. Ниже его ключ восстановления: он показывается только один раз. Запишите его на бумаге и храните отдельно от ноутбука. Если вы забудете парольную фразу, ключ восстановления позволит задать новую; без них обоих никто — даже штаб-квартира — не сможет открыть хранилище.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/create_vault_dialog.py" line="280"/>
        <source>I have written the recovery key down.</source>
        <translation>Я записал(а) ключ восстановления.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/create_vault_dialog.py" line="282"/>
        <source>Open the vault</source>
        <translation>Открыть хранилище</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="43"/>
        <source>Seizures</source>
        <translation>Изъятия</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="44"/>
        <source>Price observations</source>
        <translation>Наблюдения цен</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="45"/>
        <source>Projects</source>
        <translation>Проекты</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="46"/>
        <source>Recommendations</source>
        <translation>Рекомендации</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="47"/>
        <source>Organisations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="48"/>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="90"/>
        <source>Summing seizures of {month}…</source>
        <translation>Суммирование изъятий за {month}…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="99"/>
        <source>Counting records…</source>
        <translation>Подсчёт записей…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="101"/>
        <source>Finding overdue follow-ups…</source>
        <translation>Поиск просроченных контрольных сроков…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="120"/>
        <source>Jan</source>
        <translation>янв</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="121"/>
        <source>Feb</source>
        <translation>фев</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="122"/>
        <source>Mar</source>
        <translation>мар</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="123"/>
        <source>Apr</source>
        <translation>апр</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="124"/>
        <source>May</source>
        <translation>май</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="125"/>
        <source>Jun</source>
        <translation>июн</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="126"/>
        <source>Jul</source>
        <translation>июл</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="127"/>
        <source>Aug</source>
        <translation>авг</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="128"/>
        <source>Sep</source>
        <translation>сен</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="129"/>
        <source>Oct</source>
        <translation>окт</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="130"/>
        <source>Nov</source>
        <translation>ноя</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="131"/>
        <source>Dec</source>
        <translation>дек</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="162"/>
        <source>Open the list: {caption}</source>
        <translation>Открыть список: {caption}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="211"/>
        <source>Dashboard</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="226"/>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="233"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="238"/>
        <source>Seizures by drug — kilogram equivalent, top 8</source>
        <translation>Изъятия по наркотикам — эквивалент в кг, первые 8</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="240"/>
        <source>Seizures by month — kilogram equivalent</source>
        <translation>Изъятия по месяцам — эквивалент в кг</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="245"/>
        <source>No recommendation is overdue for follow-up.</source>
        <translation>Просроченных рекомендаций нет.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="253"/>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="413"/>
        <source>Overdue follow-ups</source>
        <translation>Просроченные контрольные сроки</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="280"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="281"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="282"/>
        <source>Follow-up due</source>
        <translation>Срок контроля</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="283"/>
        <source>Days overdue</source>
        <translation>Дней просрочки</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="284"/>
        <source>Last progress note</source>
        <translation>Последняя заметка о ходе</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="325"/>
        <source>Dashboard figures</source>
        <translation>Показатели сводки</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="336"/>
        <source>Loading cancelled: press F5 to load the figures.</source>
        <translation>Загрузка отменена: нажмите F5, чтобы загрузить показатели.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="343"/>
        <source>The figures could not be read: {message}</source>
        <translation>Не удалось прочитать показатели: {message}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="354"/>
        <source>Last 12 months: {first} – {last}</source>
        <translation>Последние 12 месяцев: {first} – {last}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="358"/>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="371"/>
        <source>No seizures in the last 12 months.</source>
        <translation>За последние 12 месяцев изъятий нет.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="364"/>
        <source>{drug}: {kg} in {n} seizures</source>
        <translation>{drug}: {kg}, изъятий: {n}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="378"/>
        <source>{month}: {kg} in {n} seizures</source>
        <translation>{month}: {kg}, изъятий: {n}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="398"/>
        <source>no progress note</source>
        <translation>заметок о ходе нет</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/dashboard_page.py" line="411"/>
        <source>Overdue follow-ups ({n})</source>
        <translation>Просроченные контрольные сроки ({n})</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../pp_desktop/ui/forms/date_field.py" line="35"/>
        <source>Not known</source>
        <translation>Неизвестно</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../pp_desktop/ui/sync/enrol_dialog.py" line="32"/>
        <source>Enrol this vault with HQ</source>
        <translation>Зарегистрировать хранилище в штаб-квартире</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/enrol_dialog.py" line="36"/>
        <source>Check HQ&apos;s root fingerprint</source>
        <translation>Проверьте корневой отпечаток штаб-квартиры</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/enrol_dialog.py" line="40"/>
        <source>Read this fingerprint to HQ by phone, or compare it with the one on the paper HQ gave you. Enrol only if every group matches: a different fingerprint means the file did not come from your HQ.</source>
        <translation>Прочитайте этот отпечаток штаб-квартире по телефону или сравните его с отпечатком на бумаге, полученной от штаб-квартиры. Регистрируйтесь, только если совпадает каждая группа: другой отпечаток означает, что файл пришёл не от вашей штаб-квартиры.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/enrol_dialog.py" line="55"/>
        <source>Device:</source>
        <translation>Устройство:</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/enrol_dialog.py" line="57"/>
        <source>HQ address:</source>
        <translation>Адрес штаб-квартиры:</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/enrol_dialog.py" line="57"/>
        <source>none (USB stick only)</source>
        <translation>нет (только USB-накопитель)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/enrol_dialog.py" line="60"/>
        <source>File valid until:</source>
        <translation>Файл действителен до:</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/enrol_dialog.py" line="64"/>
        <source>Built-in check:</source>
        <translation>Встроенная проверка:</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/enrol_dialog.py" line="65"/>
        <source>matches the fingerprint built into this app</source>
        <translation>совпадает с отпечатком, встроенным в программу</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/enrol_dialog.py" line="68"/>
        <source>I have confirmed this fingerprint with HQ</source>
        <translation>Я сверил(а) этот отпечаток со штаб-квартирой</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/enrol_dialog.py" line="71"/>
        <source>Enrol</source>
        <translation>Зарегистрировать</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="80"/>
        <source>Export blank template</source>
        <translation>Экспорт пустого шаблона</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="82"/>
        <source>Export this list</source>
        <translation>Экспорт этого списка</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="84"/>
        <source>Export to Excel</source>
        <translation>Экспорт в Excel</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="94"/>
        <source>A workbook with the headers and drop-down lists only, for a counterpart to fill in and send back.</source>
        <translation>Книга только с заголовками и раскрывающимися списками, чтобы партнёр заполнил её и прислал обратно.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="101"/>
        <source>The records of the list {title}, with its current search and filters.</source>
        <translation>Записи списка «{title}» с текущим поиском и фильтрами.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="107"/>
        <source>A workbook with a Summary sheet, one sheet per kind of record and an About sheet saying what was exported, when and by whom.</source>
        <translation>Книга с листом «Сводка», отдельным листом для каждого вида записей и листом «О файле»: что, когда и кем выгружено.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="113"/>
        <source>Records to include</source>
        <translation>Включаемые записи</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="116"/>
        <source>Seizures</source>
        <translation>Изъятия</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="117"/>
        <source>Prices</source>
        <translation>Цены</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="118"/>
        <source>Organisations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="119"/>
        <source>Projects (with their donors)</source>
        <translation>Проекты (с донорами)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="120"/>
        <source>Recommendations (with progress notes)</source>
        <translation>Рекомендации (с заметками о ходе)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="121"/>
        <source>Contacts (personal data: only when you need them)</source>
        <translation>Контакты (персональные данные: только при необходимости)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="138"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="139"/>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="141"/>
        <source>Language of the headers, sheet names and labels</source>
        <translation>Язык заголовков, названий листов и подписей</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="143"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Книга Excel (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="145"/>
        <source>CSV, one file per sheet (.csv)</source>
        <translation>CSV, файл на каждый лист (.csv)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="157"/>
        <source>Leave out notes and personal fields</source>
        <translation>Не включать примечания и персональные поля</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="160"/>
        <source>Free-text notes and personal data (names, phones, e-mails) are not written</source>
        <translation>Текстовые примечания и персональные данные (имена, телефоны, эл. почта) не записываются</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="162"/>
        <source>Include restricted records</source>
        <translation>Включить записи ограниченного доступа</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="165"/>
        <source>Restricted records are left out of exports unless you ask for them</source>
        <translation>Записи ограниченного доступа не выгружаются, если вы их не запросите</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="167"/>
        <source>Include confidential records</source>
        <translation>Включить конфиденциальные записи</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="170"/>
        <source>Confidential records are exported only after you confirm it</source>
        <translation>Конфиденциальные записи выгружаются только после вашего подтверждения</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="175"/>
        <source>Choose where to save the file</source>
        <translation>Выберите, куда сохранить файл</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="177"/>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="185"/>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="186"/>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="187"/>
        <source>Save to:</source>
        <translation>Сохранить в:</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="195"/>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="272"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="272"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Книги Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="273"/>
        <source>Save the export as</source>
        <translation>Сохранить выгрузку как</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="287"/>
        <source>Export confidential records?</source>
        <translation>Выгрузить конфиденциальные записи?</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="289"/>
        <source>Confidential records will be written to {name}. Anyone who gets the file can read them. Export them?</source>
        <translation>Конфиденциальные записи будут записаны в {name}. Их сможет прочитать любой, к кому попадёт файл. Выгрузить их?</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="298"/>
        <source>Writing {name}</source>
        <translation>Запись {name}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="319"/>
        <source>Replace the existing file?</source>
        <translation>Заменить существующий файл?</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="320"/>
        <source>{names} already exists. Replace it with the export?</source>
        <translation>{names} уже существует. Заменить его выгрузкой?</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="329"/>
        <source>{name}: {rows} rows</source>
        <translation>{name}: строк — {rows}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="335"/>
        <source>Export finished</source>
        <translation>Экспорт завершён</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="336"/>
        <source>Written to {folder}:
{lines}</source>
        <translation>Записано в {folder}:
{lines}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="342"/>
        <source>The export failed; no file was written</source>
        <translation>Экспорт не удался; файл не записан</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="348"/>
        <source>Export cancelled</source>
        <translation>Экспорт отменён</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_dialog.py" line="349"/>
        <source>The export was stopped; no file was written.</source>
        <translation>Экспорт остановлен; файл не записан.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../pp_desktop/ui/filter_bar.py" line="41"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/filter_bar.py" line="45"/>
        <source>Show only records with this value: {title}</source>
        <translation>Показать только записи с этим значением: {title}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/filter_bar.py" line="48"/>
        <source>{title}:</source>
        <translation>{title}:</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/filter_bar.py" line="61"/>
        <source>Clear filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/filter_bar.py" line="92"/>
        <source>Choose a country first</source>
        <translation>Сначала выберите страну</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/filter_bar.py" line="103"/>
        <source>any</source>
        <translation>любая</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/filter_bar.py" line="109"/>
        <source>Earliest date (any: no limit)</source>
        <translation>Самая ранняя дата (любая: без ограничения)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/filter_bar.py" line="110"/>
        <source>Latest date (any: no limit)</source>
        <translation>Самая поздняя дата (любая: без ограничения)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/filter_bar.py" line="111"/>
        <source>{title} from:</source>
        <translation>{title} с:</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/filter_bar.py" line="115"/>
        <source>to</source>
        <translation>по</translation>
    </message>
</context>
<context>
    <name>IatiExportDialog</name>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_export_dialog.py" line="80"/>
        <source>Export projects to IATI</source>
        <translation>Экспорт проектов в IATI</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_export_dialog.py" line="84"/>
        <source>Projects are written as activities of an IATI 2.03 file, the standard donors publish their aid in. Restricted and confidential projects are written only when you tick them.</source>
        <translation>Проекты записываются как мероприятия файла IATI 2.03 — стандарта, в котором доноры публикуют данные о помощи. Проекты ограниченного доступа и конфиденциальные записываются, только если вы их отметите.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_export_dialog.py" line="92"/>
        <source>All shareable projects</source>
        <translation>Все проекты, которыми можно делиться</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_export_dialog.py" line="94"/>
        <source>Only the projects ticked below</source>
        <translation>Только отмеченные ниже проекты</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_export_dialog.py" line="117"/>
        <source>Choose where to save the file</source>
        <translation>Выберите, куда сохранить файл</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_export_dialog.py" line="119"/>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_export_dialog.py" line="123"/>
        <source>Save to:</source>
        <translation>Сохранить в:</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_export_dialog.py" line="130"/>
        <source>Change…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_export_dialog.py" line="132"/>
        <source>Who publishes the exported activities</source>
        <translation>Кто публикует выгружаемые мероприятия</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_export_dialog.py" line="142"/>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_export_dialog.py" line="161"/>
        <source>Reported by: {name} ({ref})</source>
        <translation>Отчитывается: {name} ({ref})</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_export_dialog.py" line="173"/>
        <source>confidential</source>
        <translation>конфиденциально</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_export_dialog.py" line="173"/>
        <source>restricted</source>
        <translation>ограниченный доступ</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_export_dialog.py" line="214"/>
        <source>Save the IATI file as</source>
        <translation>Сохранить файл IATI как</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_export_dialog.py" line="214"/>
        <source>XML files (*.xml)</source>
        <translation>Файлы XML (*.xml)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_export_dialog.py" line="228"/>
        <source>Export confidential projects?</source>
        <translation>Выгрузить конфиденциальные проекты?</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_export_dialog.py" line="230"/>
        <source>{n} confidential project(s) will be written to {name}, a file anyone can read. Export them?</source>
        <translation>Конфиденциальные проекты ({n}) будут записаны в {name} — файл, который может прочитать любой. Выгрузить их?</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_export_dialog.py" line="239"/>
        <source>Writing {name}</source>
        <translation>Запись {name}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_export_dialog.py" line="250"/>
        <source>{n} project(s) written to {path}.</source>
        <translation>Проектов записано в {path}: {n}.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_export_dialog.py" line="255"/>
        <source>Left out:</source>
        <translation>Не включены:</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_export_dialog.py" line="258"/>
        <source>Notes:</source>
        <translation>Примечания:</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_export_dialog.py" line="260"/>
        <source>IATI export finished</source>
        <translation>Экспорт IATI завершён</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_export_dialog.py" line="268"/>
        <source>The IATI export failed; no file was written</source>
        <translation>Экспорт IATI не удался; файл не записан</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_export_dialog.py" line="272"/>
        <source>Export cancelled</source>
        <translation>Экспорт отменён</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_export_dialog.py" line="272"/>
        <source>No file was written.</source>
        <translation>Файл не записан.</translation>
    </message>
</context>
<context>
    <name>IatiImportDialog</name>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="62"/>
        <source>Import projects from IATI</source>
        <translation>Импорт проектов из IATI</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="64"/>
        <source>No file chosen yet.</source>
        <translation>Файл ещё не выбран.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="67"/>
        <source>Choose file…</source>
        <translation>Выбрать файл…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="75"/>
        <source>all countries (or e.g. AFG)</source>
        <translation>все страны (или напр. AFG)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="77"/>
        <source>Only activities for this recipient country (ISO code)</source>
        <translation>Только мероприятия для этой страны-получателя (код ISO)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="81"/>
        <source>all sectors (or e.g. 16063)</source>
        <translation>все секторы (или напр. 16063)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="82"/>
        <source>Only activities of this DAC sector code</source>
        <translation>Только мероприятия этого кода сектора DAC</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="83"/>
        <source>Preview</source>
        <translation>Предпросмотр</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="87"/>
        <source>Recipient country:</source>
        <translation>Страна-получатель:</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="88"/>
        <source>Sector:</source>
        <translation>Сектор:</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="93"/>
        <source>Nothing is written until you press Import.</source>
        <translation>Ничего не записывается, пока вы не нажмёте «Импорт».</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="100"/>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="100"/>
        <source>Identifier</source>
        <translation>Идентификатор</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="100"/>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="100"/>
        <source>Details</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="108"/>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="111"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="140"/>
        <source>The filters changed: press Preview again.</source>
        <translation>Фильтры изменились: снова нажмите «Предпросмотр».</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="146"/>
        <source>Choose the IATI activity file</source>
        <translation>Выберите файл мероприятий IATI</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="146"/>
        <source>XML files (*.xml)</source>
        <translation>Файлы XML (*.xml)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="155"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; in {folder}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; в {folder}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="169"/>
        <source>Reading {name}</source>
        <translation>Чтение {name}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="169"/>
        <source>Importing {name}</source>
        <translation>Импорт {name}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="210"/>
        <source>IATI import finished</source>
        <translation>Импорт IATI завершён</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="215"/>
        <source>This file cannot be imported</source>
        <translation>Этот файл невозможно импортировать</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="219"/>
        <source>The preview was cancelled; nothing was imported.</source>
        <translation>Предпросмотр отменён; ничего не импортировано.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="224"/>
        <source>Imported: {new} new, {updated} updated, {skipped} skipped.</source>
        <translation>Импортировано: новых — {new}, обновлено — {updated}, пропущено — {skipped}.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="226"/>
        <source>{new} new, {updated} to update, {skipped} skipped.</source>
        <translation>Новых — {new}, к обновлению — {updated}, пропущено — {skipped}.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="230"/>
        <source>New organisations: {names}.</source>
        <translation>Новые организации: {names}.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="238"/>
        <source>New project</source>
        <translation>Новый проект</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="239"/>
        <source>Update</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_import_dialog.py" line="240"/>
        <source>Skipped</source>
        <translation>Пропущено</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="60"/>
        <source>Import from Excel</source>
        <translation>Импорт из Excel</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="64"/>
        <source>Seizures</source>
        <translation>Изъятия</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="65"/>
        <source>Prices</source>
        <translation>Цены</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="66"/>
        <source>Organisations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="67"/>
        <source>Projects</source>
        <translation>Проекты</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="68"/>
        <source>Project donors</source>
        <translation>Доноры проектов</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="69"/>
        <source>Recommendations</source>
        <translation>Рекомендации</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="70"/>
        <source>Progress notes</source>
        <translation>Заметки о ходе</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="71"/>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="73"/>
        <source>No file chosen yet.</source>
        <translation>Файл ещё не выбран.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="76"/>
        <source>Choose file…</source>
        <translation>Выбрать файл…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="85"/>
        <source>Nothing is written until you press Import, and then every row is imported or none.</source>
        <translation>Ничего не записывается, пока вы не нажмёте «Импорт»; затем импортируются все строки или ни одной.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="97"/>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="115"/>
        <source>Sheet</source>
        <translation>Лист</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="98"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="99"/>
        <source>New</source>
        <translation>Новые</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="100"/>
        <source>Updated</source>
        <translation>Обновлено</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="101"/>
        <source>Unchanged</source>
        <translation>Без изменений</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="102"/>
        <source>Warnings</source>
        <translation>Предупреждения</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="103"/>
        <source>Errors</source>
        <translation>Ошибки</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="114"/>
        <source>Finding</source>
        <translation>Замечание</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="116"/>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="117"/>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="118"/>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="128"/>
        <source>Map columns…</source>
        <translation>Сопоставить столбцы…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="131"/>
        <source>Say which field each column of a sheet in the counterpart&apos;s own layout is</source>
        <translation>Укажите, каким полем является каждый столбец листа в собственном формате партнёра</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="134"/>
        <source>Save error report…</source>
        <translation>Сохранить отчёт об ошибках…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="137"/>
        <source>A workbook with the rows as read, the bad cells marked, and every finding</source>
        <translation>Книга с прочитанными строками, отмеченными ошибочными ячейками и всеми замечаниями</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="140"/>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="144"/>
        <source>Write every new and changed row in one transaction: all or nothing</source>
        <translation>Записать все новые и изменённые строки одной транзакцией: всё или ничего</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="147"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="198"/>
        <source>Choose the workbook to import</source>
        <translation>Выберите книгу для импорта</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="200"/>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="352"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Книги Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="210"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; in {folder}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; в {folder}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="225"/>
        <source>Checking {name}</source>
        <translation>Проверка {name}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="244"/>
        <source>If a sheet holds records in another layout, use Map columns….</source>
        <translation>Если лист содержит записи в другом формате, используйте «Сопоставить столбцы…».</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="251"/>
        <source>This file cannot be imported</source>
        <translation>Этот файл невозможно импортировать</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="256"/>
        <source>The check was cancelled; nothing was imported.</source>
        <translation>Проверка отменена; ничего не импортировано.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="275"/>
        <source>Total</source>
        <translation>Всего</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="280"/>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="280"/>
        <source>Warning</source>
        <translation>Предупреждение</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="294"/>
        <source>{new} new, {updated} updated, {unchanged} unchanged; {warnings} with warnings, {errors} with errors.</source>
        <translation>Новых — {new}, обновлённых — {updated}, без изменений — {unchanged}; с предупреждениями — {warnings}, с ошибками — {errors}.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="302"/>
        <source>Rows with errors block the import: save the error report, correct the rows and import the file again.</source>
        <translation>Строки с ошибками блокируют импорт: сохраните отчёт об ошибках, исправьте строки и импортируйте файл снова.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="307"/>
        <source>Nothing to import: the vault already has every row.</source>
        <translation>Импортировать нечего: все строки уже есть в хранилище.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="311"/>
        <source>Some sheets were not read; use Map columns… if they hold records.</source>
        <translation>Некоторые листы не прочитаны; если на них есть записи, используйте «Сопоставить столбцы…».</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="313"/>
        <source>Press Import to write them in one go.</source>
        <translation>Нажмите «Импорт», чтобы записать их за один раз.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="352"/>
        <source>Save the error report as</source>
        <translation>Сохранить отчёт об ошибках как</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="361"/>
        <source>The error report could not be written</source>
        <translation>Не удалось записать отчёт об ошибках</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="365"/>
        <source>Error report saved</source>
        <translation>Отчёт об ошибках сохранён</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="366"/>
        <source>The rows with findings are marked in {name}.</source>
        <translation>Строки с замечаниями отмечены в {name}.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="378"/>
        <source>Importing {name}</source>
        <translation>Импорт {name}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="392"/>
        <source>{new} new and {updated} updated records were imported.</source>
        <translation>Импортировано записей: новых — {new}, обновлённых — {updated}.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="397"/>
        <source>Import finished</source>
        <translation>Импорт завершён</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_dialog.py" line="402"/>
        <source>Nothing was imported</source>
        <translation>Ничего не импортировано</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pp_desktop/ui/main_window.py" line="66"/>
        <source>Main</source>
        <translation>Главная</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/main_window.py" line="225"/>
        <source>About pp-desktop</source>
        <translation>О программе pp-desktop</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/main_window.py" line="230"/>
        <source>The offline field tool of the Paris Pact Research and Liaison Officers (UNODC Paris Pact Initiative). Records are kept in an encrypted vault on this laptop.</source>
        <translation>Автономный полевой инструмент аналитиков и офицеров связи Парижского пакта (Инициатива Парижского пакта УНП ООН). Записи хранятся в зашифрованном хранилище на этом ноутбуке.</translation>
    </message>
</context>
<context>
    <name>OrganisationForm</name>
    <message>
        <location filename="../../pp_desktop/ui/forms/organisation_form.py" line="14"/>
        <source>Edit organisation</source>
        <translation>Изменить организацию</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/organisation_form.py" line="14"/>
        <source>New organisation</source>
        <translation>Новая организация</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/organisation_form.py" line="21"/>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/organisation_form.py" line="23"/>
        <source>&amp;Name</source>
        <translation>&amp;Имя</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/organisation_form.py" line="24"/>
        <source>Acronym</source>
        <translation>Аббревиатура</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/organisation_form.py" line="25"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/organisation_form.py" line="26"/>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/organisation_form.py" line="27"/>
        <source>IATI identifier</source>
        <translation>Идентификатор IATI</translation>
    </message>
</context>
<context>
    <name>PagedTableModel</name>
    <message>
        <location filename="../../pp_desktop/ui/paged_table_model.py" line="433"/>
        <source>{title} — click to sort</source>
        <translation>{title} — щёлкните для сортировки</translation>
    </message>
</context>
<context>
    <name>PassphraseMeter</name>
    <message>
        <location filename="../../pp_desktop/ui/passphrase_meter.py" line="13"/>
        <source>very weak</source>
        <translation>очень слабая</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/passphrase_meter.py" line="14"/>
        <source>weak</source>
        <translation>слабая</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/passphrase_meter.py" line="15"/>
        <source>fair</source>
        <translation>средняя</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/passphrase_meter.py" line="16"/>
        <source>good</source>
        <translation>хорошая</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/passphrase_meter.py" line="17"/>
        <source>strong</source>
        <translation>сильная</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/passphrase_meter.py" line="64"/>
        <source>Strength: {label}</source>
        <translation>Надёжность: {label}</translation>
    </message>
</context>
<context>
    <name>PriceForm</name>
    <message>
        <location filename="../../pp_desktop/ui/forms/price_form.py" line="15"/>
        <source>Edit price observation</source>
        <translation>Изменить наблюдение цены</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/price_form.py" line="17"/>
        <source>New price observation</source>
        <translation>Новое наблюдение цены</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/price_form.py" line="22"/>
        <source>When and where</source>
        <translation>Когда и где</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/price_form.py" line="24"/>
        <source>&amp;Date observed</source>
        <translation>&amp;Дата наблюдения</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/price_form.py" line="25"/>
        <source>Period end</source>
        <translation>Конец периода</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/price_form.py" line="26"/>
        <source>&amp;Country</source>
        <translation>&amp;Страна</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/price_form.py" line="27"/>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/price_form.py" line="31"/>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/price_form.py" line="33"/>
        <source>D&amp;rug</source>
        <translation>&amp;Наркотик</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/price_form.py" line="34"/>
        <source>Sale level</source>
        <translation>Уровень продажи</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/price_form.py" line="35"/>
        <source>&amp;Typical price</source>
        <translation>&amp;Типичная цена</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/price_form.py" line="36"/>
        <source>Minimum</source>
        <translation>Минимум</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/price_form.py" line="37"/>
        <source>Maximum</source>
        <translation>Максимум</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/price_form.py" line="38"/>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/price_form.py" line="39"/>
        <source>Per quantity</source>
        <translation>За количество</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/price_form.py" line="40"/>
        <source>Per unit</source>
        <translation>За единицу</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/price_form.py" line="44"/>
        <source>Handling</source>
        <translation>Обращение</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/price_form.py" line="46"/>
        <source>Confidentiality</source>
        <translation>Конфиденциальность</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/price_form.py" line="47"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/price_form.py" line="52"/>
        <source>Purity and notes</source>
        <translation>Чистота и примечания</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/price_form.py" line="54"/>
        <source>Typical purity %</source>
        <translation>Типичная чистота, %</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/price_form.py" line="55"/>
        <source>Minimum purity %</source>
        <translation>Минимальная чистота, %</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/price_form.py" line="56"/>
        <source>Maximum purity %</source>
        <translation>Максимальная чистота, %</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/price_form.py" line="57"/>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/price_form.py" line="61"/>
        <source>Attachments</source>
        <translation>Вложения</translation>
    </message>
</context>
<context>
    <name>ProjectForm</name>
    <message>
        <location filename="../../pp_desktop/ui/forms/project_form.py" line="22"/>
        <source>Edit project</source>
        <translation>Изменить проект</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/project_form.py" line="22"/>
        <source>New project</source>
        <translation>Новый проект</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/project_form.py" line="26"/>
        <source>Activity</source>
        <translation>Мероприятие</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/project_form.py" line="28"/>
        <source>&amp;IATI identifier</source>
        <translation>&amp;Идентификатор IATI</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/project_form.py" line="29"/>
        <source>&amp;Title</source>
        <translation>&amp;Название</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/project_form.py" line="30"/>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/project_form.py" line="31"/>
        <source>Implementing organisation</source>
        <translation>Исполняющая организация</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/project_form.py" line="32"/>
        <source>Beneficiary country</source>
        <translation>Страна-получатель</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/project_form.py" line="33"/>
        <source>Beneficiary agencies</source>
        <translation>Ведомства-получатели</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/project_form.py" line="34"/>
        <source>Pillar</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/project_form.py" line="35"/>
        <source>DAC sector</source>
        <translation>Сектор DAC</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/project_form.py" line="36"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/project_form.py" line="37"/>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/project_form.py" line="38"/>
        <source>Confidentiality</source>
        <translation>Конфиденциальность</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/project_form.py" line="42"/>
        <source>Dates and budget</source>
        <translation>Сроки и бюджет</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/project_form.py" line="44"/>
        <source>Planned start</source>
        <translation>Плановое начало</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/project_form.py" line="45"/>
        <source>Actual start</source>
        <translation>Фактическое начало</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/project_form.py" line="46"/>
        <source>Planned end</source>
        <translation>Плановое окончание</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/project_form.py" line="47"/>
        <source>Actual end</source>
        <translation>Фактическое окончание</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/project_form.py" line="48"/>
        <source>Budget</source>
        <translation>Бюджет</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/project_form.py" line="49"/>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/project_form.py" line="62"/>
        <source>Donors</source>
        <translation>Доноры</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/project_form.py" line="69"/>
        <source>Donor</source>
        <translation>Донор</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/project_form.py" line="72"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
</context>
<context>
    <name>QuantityField</name>
    <message>
        <location filename="../../pp_desktop/ui/forms/quantity_field.py" line="35"/>
        <source>Not known</source>
        <translation>Неизвестно</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/quantity_field.py" line="78"/>
        <source>= %1 kg equivalent</source>
        <translation>= %1 кг в эквиваленте</translation>
    </message>
</context>
<context>
    <name>RecommendationForm</name>
    <message>
        <location filename="../../pp_desktop/ui/forms/recommendation_form.py" line="22"/>
        <source>Edit recommendation</source>
        <translation>Изменить рекомендацию</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/recommendation_form.py" line="22"/>
        <source>New recommendation</source>
        <translation>Новая рекомендация</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/recommendation_form.py" line="26"/>
        <source>Recommendation</source>
        <translation>Рекомендация</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/recommendation_form.py" line="28"/>
        <source>&amp;Code</source>
        <translation>&amp;Код</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/recommendation_form.py" line="29"/>
        <source>&amp;Text</source>
        <translation>&amp;Текст</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/recommendation_form.py" line="30"/>
        <source>Working group</source>
        <translation>Рабочая группа</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/recommendation_form.py" line="31"/>
        <source>Meeting date</source>
        <translation>Дата встречи</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/recommendation_form.py" line="32"/>
        <source>Pillar</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/recommendation_form.py" line="33"/>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/recommendation_form.py" line="34"/>
        <source>Addressed to</source>
        <translation>Адресат</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/recommendation_form.py" line="35"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/recommendation_form.py" line="36"/>
        <source>Follow-up due</source>
        <translation>Срок контроля</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/recommendation_form.py" line="44"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/recommendation_form.py" line="45"/>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/recommendation_form.py" line="50"/>
        <source>Progress notes</source>
        <translation>Заметки о ходе</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/recommendation_form.py" line="56"/>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/recommendation_form.py" line="60"/>
        <source>Linked projects</source>
        <translation>Связанные проекты</translation>
    </message>
</context>
<context>
    <name>RecordDetailDialog</name>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="87"/>
        <source>When and where</source>
        <translation>Когда и где</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="88"/>
        <source>Drug and quantity</source>
        <translation>Наркотик и количество</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="89"/>
        <source>Route and concealment</source>
        <translation>Маршрут и сокрытие</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="90"/>
        <source>People and source</source>
        <translation>Люди и источник</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="91"/>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="92"/>
        <source>Purity and source</source>
        <translation>Чистота и источник</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="93"/>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="94"/>
        <source>Quoted</source>
        <translation>Указана</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="95"/>
        <source>Nationalities</source>
        <translation>Гражданство</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="96"/>
        <source>Kg equivalent</source>
        <translation>Эквивалент в кг</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="97"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="98"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="99"/>
        <source>Details</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="100"/>
        <source>Entry</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="101"/>
        <source>Sequence</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="102"/>
        <source>When (UTC)</source>
        <translation>Когда (UTC)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="103"/>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="104"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="105"/>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="106"/>
        <source>Record id</source>
        <translation>Id записи</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="107"/>
        <source>Changes</source>
        <translation>Изменения</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="108"/>
        <source>Chain</source>
        <translation>Цепочка</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="109"/>
        <source>Previous hash</source>
        <translation>Предыдущий хеш</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="110"/>
        <source>Hash</source>
        <translation>Хеш</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="136"/>
        <source>{record} — read only</source>
        <translation>{record} — только просмотр</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="176"/>
        <source>This record cannot be shown.</source>
        <translation>Эту запись невозможно показать.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="255"/>
        <source>{when} by {who}</source>
        <translation>{when}, {who}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="259"/>
        <source>Created {created} · last changed {changed} · version {version}</source>
        <translation>Создано {created} · изменено {changed} · версия {version}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="263"/>
        <source>Record id {id}</source>
        <translation>Id записи {id}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="293"/>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="293"/>
        <source>Before</source>
        <translation>Было</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_detail_dialog.py" line="293"/>
        <source>After</source>
        <translation>Стало</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../pp_desktop/ui/forms/form_base.py" line="133"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/form_base.py" line="137"/>
        <source>Save and close (Enter)</source>
        <translation>Сохранить и закрыть (Enter)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/form_base.py" line="138"/>
        <source>Save &amp;&amp; New</source>
        <translation>Сохранить и ещё</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/form_base.py" line="142"/>
        <source>Save, then start an empty form for the next record (Ctrl+Shift+Enter)</source>
        <translation>Сохранить и открыть пустую форму для следующей записи (Ctrl+Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/form_base.py" line="144"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/form_base.py" line="147"/>
        <source>Close without saving (Esc)</source>
        <translation>Закрыть без сохранения (Esc)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/form_base.py" line="381"/>
        <source>Save with warnings?</source>
        <translation>Сохранить с предупреждениями?</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/form_base.py" line="382"/>
        <source>Please check before saving:</source>
        <translation>Проверьте перед сохранением:</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/form_base.py" line="449"/>
        <source>Someone or something else (another window, an import or a sync) changed this record after you opened it. Your changes were not saved, so nothing was overwritten. Close this form and open the record again to see the current version.</source>
        <translation>Кто-то или что-то (другое окно, импорт или синхронизация) изменили эту запись после того, как вы её открыли. Ваши изменения не сохранены, поэтому ничего не перезаписано. Закройте форму и откройте запись снова, чтобы увидеть текущую версию.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/form_base.py" line="455"/>
        <source>Changed elsewhere</source>
        <translation>Изменено в другом месте</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/form_base.py" line="478"/>
        <source>Saved. Enter the next one.</source>
        <translation>Сохранено. Введите следующую.</translation>
    </message>
</context>
<context>
    <name>RecordListPage</name>
    <message>
        <location filename="../../pp_desktop/ui/record_list_page.py" line="62"/>
        <source>Quick search (Ctrl+F); Enter jumps to the list</source>
        <translation>Быстрый поиск (Ctrl+F); Enter переходит к списку</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_list_page.py" line="70"/>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_list_page.py" line="73"/>
        <source>Choose the columns shown (or right-click a column header)</source>
        <translation>Выбрать показываемые столбцы (или щёлкните правой кнопкой по заголовку столбца)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_list_page.py" line="324"/>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_list_page.py" line="348"/>
        <source>Counting…</source>
        <translation>Подсчёт…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_list_page.py" line="357"/>
        <source>Nothing matches the search or filters.</source>
        <translation>Ничего не найдено по запросу или фильтрам.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/record_list_page.py" line="359"/>
        <source>Nothing recorded here yet.</source>
        <translation>Здесь пока нет записей.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../pp_desktop/ui/recovery_dialog.py" line="43"/>
        <source>Set a new passphrase</source>
        <translation>Задать новую парольную фразу</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/recovery_dialog.py" line="49"/>
        <source>Enter the recovery key you wrote down when the vault was created, then choose a new passphrase. The records stay as they are; the old passphrase stops working.</source>
        <translation>Введите ключ восстановления, записанный при создании хранилища, затем придумайте новую парольную фразу. Записи останутся как есть; старая парольная фраза перестанет действовать.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/recovery_dialog.py" line="57"/>
        <source>Vault: {folder}</source>
        <translation>Хранилище: {folder}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/recovery_dialog.py" line="82"/>
        <source>Recovery key</source>
        <translation>Ключ восстановления</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/recovery_dialog.py" line="83"/>
        <source>New passphrase</source>
        <translation>Новая парольная фраза</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/recovery_dialog.py" line="85"/>
        <source>Repeat it</source>
        <translation>Повторите её</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/recovery_dialog.py" line="88"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/recovery_dialog.py" line="91"/>
        <location filename="../../pp_desktop/ui/recovery_dialog.py" line="167"/>
        <source>Set passphrase and unlock</source>
        <translation>Задать и разблокировать</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/recovery_dialog.py" line="122"/>
        <source>Enter the recovery key.</source>
        <translation>Введите ключ восстановления.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/recovery_dialog.py" line="125"/>
        <source>Choose a new passphrase.</source>
        <translation>Придумайте новую парольную фразу.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/recovery_dialog.py" line="130"/>
        <source>The two passphrases do not match yet.</source>
        <translation>Две парольные фразы пока не совпадают.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/recovery_dialog.py" line="147"/>
        <source>Ready: the passphrase meets the policy.</source>
        <translation>Готово: парольная фраза соответствует требованиям.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/recovery_dialog.py" line="167"/>
        <source>Opening…</source>
        <translation>Открытие…</translation>
    </message>
</context>
<context>
    <name>ReportingOrgDialog</name>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_org_dialog.py" line="30"/>
        <source>IATI reporting organisation</source>
        <translation>Отчитывающаяся организация IATI</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_org_dialog.py" line="34"/>
        <source>IATI organisation identifier, e.g. XM-DAC-41128 (UNODC)</source>
        <translation>Идентификатор организации IATI, напр. XM-DAC-41128 (УНП ООН)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_org_dialog.py" line="40"/>
        <source>10 Government</source>
        <translation>10 Правительство</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_org_dialog.py" line="41"/>
        <source>15 Other public sector</source>
        <translation>15 Другой государственный сектор</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_org_dialog.py" line="42"/>
        <source>21 International NGO</source>
        <translation>21 Международная НПО</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_org_dialog.py" line="43"/>
        <source>22 National NGO</source>
        <translation>22 Национальная НПО</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_org_dialog.py" line="44"/>
        <source>40 Multilateral</source>
        <translation>40 Многосторонняя организация</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_org_dialog.py" line="45"/>
        <source>80 Academic, training and research</source>
        <translation>80 Академическая, учебная и исследовательская</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_org_dialog.py" line="46"/>
        <source>90 Other</source>
        <translation>90 Другое</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_org_dialog.py" line="56"/>
        <source>Language of your texts (ISO 639-1, e.g. en or ru)</source>
        <translation>Язык ваших текстов (ISO 639-1, напр. en или ru)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_org_dialog.py" line="63"/>
        <source>Identifier:</source>
        <translation>Идентификатор:</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_org_dialog.py" line="64"/>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_org_dialog.py" line="65"/>
        <source>Type:</source>
        <translation>Тип:</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/iati_org_dialog.py" line="66"/>
        <source>Language of your texts:</source>
        <translation>Язык ваших текстов:</translation>
    </message>
</context>
<context>
    <name>SeizureForm</name>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="23"/>
        <source>Edit seizure</source>
        <translation>Изменить изъятие</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="23"/>
        <source>New seizure</source>
        <translation>Новое изъятие</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="31"/>
        <source>When and where</source>
        <translation>Когда и где</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="33"/>
        <source>&amp;Date of seizure</source>
        <translation>&amp;Дата изъятия</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="34"/>
        <source>&amp;Country</source>
        <translation>&amp;Страна</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="35"/>
        <source>&amp;Province</source>
        <translation>&amp;Провинция</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="36"/>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="37"/>
        <source>Latitude</source>
        <translation>Широта</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="38"/>
        <source>Longitude</source>
        <translation>Долгота</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="39"/>
        <source>Site type</source>
        <translation>Тип места</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="40"/>
        <source>Seizing agency</source>
        <translation>Изъявшее ведомство</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="44"/>
        <source>Drug and quantity</source>
        <translation>Наркотик и количество</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="46"/>
        <source>D&amp;rug</source>
        <translation>&amp;Наркотик</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="47"/>
        <source>&amp;Quantity</source>
        <translation>&amp;Количество</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="48"/>
        <source>Purity %</source>
        <translation>Чистота, %</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="52"/>
        <source>Handling</source>
        <translation>Обращение</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="54"/>
        <source>Confidentiality</source>
        <translation>Конфиденциальность</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="55"/>
        <source>Source / reference</source>
        <translation>Источник / номер</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="60"/>
        <source>Route and concealment</source>
        <translation>Маршрут и сокрытие</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="62"/>
        <source>Transport</source>
        <translation>Транспорт</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="63"/>
        <source>Concealment</source>
        <translation>Способ сокрытия</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="64"/>
        <source>Origin</source>
        <translation>Происхождение</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="65"/>
        <source>Departure</source>
        <translation>Отправление</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="66"/>
        <source>Transit countries</source>
        <translation>Страны транзита</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="67"/>
        <source>Destination</source>
        <translation>Назначение</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="72"/>
        <source>People and notes</source>
        <translation>Люди и примечания</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="74"/>
        <source>Persons arrested</source>
        <translation>Задержано лиц</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="75"/>
        <source>Nationalities</source>
        <translation>Гражданство</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="76"/>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="80"/>
        <source>Attachments</source>
        <translation>Вложения</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="124"/>
        <source>Possibly recorded already — check before saving:</source>
        <translation>Возможно, уже записано — проверьте перед сохранением:</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/seizure_form.py" line="129"/>
        <source>• %1: %2 at %3, %4 kg equivalent</source>
        <translation>• %1: %2, %3, %4 кг в эквиваленте</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../pp_desktop/ui/settings_dialog.py" line="62"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/settings_dialog.py" line="69"/>
        <source>Your name, as it will appear in the audit log</source>
        <translation>Ваше имя, как оно будет указано в журнале аудита</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/settings_dialog.py" line="75"/>
        <source>Officer profile (stored in the vault)</source>
        <translation>Профиль сотрудника (хранится в хранилище)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/settings_dialog.py" line="77"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/settings_dialog.py" line="78"/>
        <source>Home country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/settings_dialog.py" line="79"/>
        <source>Device label</source>
        <translation>Название устройства</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/settings_dialog.py" line="84"/>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/settings_dialog.py" line="92"/>
        <source>Applied at once: the windows are redrawn.</source>
        <translation>Применяется сразу: окна перерисовываются.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/settings_dialog.py" line="94"/>
        <source>This laptop</source>
        <translation>Этот ноутбук</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/settings_dialog.py" line="96"/>
        <source>Lock after inactivity</source>
        <translation>Блокировать после бездействия</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/settings_dialog.py" line="97"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/settings_dialog.py" line="122"/>
        <source>Enter your name.</source>
        <translation>Введите своё имя.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/settings_dialog.py" line="124"/>
        <source>Enter a label for this laptop.</source>
        <translation>Введите название этого ноутбука.</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../../pp_desktop/ui/start_screen.py" line="45"/>
        <source>pp-desktop — unlock</source>
        <translation>pp-desktop — разблокировка</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/start_screen.py" line="58"/>
        <source>Paris Pact field vault</source>
        <translation>Полевое хранилище Парижского пакта</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/start_screen.py" line="61"/>
        <source>Field records, encrypted on this laptop.</source>
        <translation>Полевые записи, зашифрованные на этом ноутбуке.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/start_screen.py" line="67"/>
        <source>Folder that holds vault.db and vault.key</source>
        <translation>Папка, где лежат vault.db и vault.key</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/start_screen.py" line="68"/>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/start_screen.py" line="74"/>
        <location filename="../../pp_desktop/ui/start_screen.py" line="111"/>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/start_screen.py" line="80"/>
        <location filename="../../pp_desktop/ui/start_screen.py" line="248"/>
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/start_screen.py" line="85"/>
        <source>Create a new vault…</source>
        <translation>Создать новое хранилище…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/start_screen.py" line="91"/>
        <source>Forgot passphrase?</source>
        <translation>Забыли парольную фразу?</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/start_screen.py" line="95"/>
        <source>Set a new passphrase with your recovery key</source>
        <translation>Задать новую парольную фразу с помощью ключа восстановления</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/start_screen.py" line="98"/>
        <source>Recent vaults</source>
        <translation>Недавние хранилища</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/start_screen.py" line="109"/>
        <location filename="../../pp_desktop/ui/start_screen.py" line="321"/>
        <source>Vault folder</source>
        <translation>Папка хранилища</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/start_screen.py" line="152"/>
        <source>pp-desktop {version} · UNODC Paris Pact Initiative · works offline</source>
        <translation>pp-desktop {version} · Инициатива Парижского пакта УНП ООН · работает без сети</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/start_screen.py" line="204"/>
        <source>The vault is locked. Enter the passphrase to continue.</source>
        <translation>Хранилище заблокировано. Введите парольную фразу, чтобы продолжить.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/start_screen.py" line="221"/>
        <location filename="../../pp_desktop/ui/start_screen.py" line="295"/>
        <source>Choose the vault folder first.</source>
        <translation>Сначала выберите папку хранилища.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/start_screen.py" line="225"/>
        <source>Enter your passphrase.</source>
        <translation>Введите парольную фразу.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/start_screen.py" line="248"/>
        <source>Unlocking…</source>
        <translation>Разблокировка…</translation>
    </message>
</context>
<context>
    <name>StatusTaskIndicator</name>
    <message>
        <location filename="../../pp_desktop/ui/task_progress.py" line="104"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="71"/>
        <source>Sync with HQ</source>
        <translation>Синхронизация со штаб-квартирой</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="45"/>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="145"/>
        <source>Enrolment</source>
        <translation>Регистрация</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="46"/>
        <source>HQ</source>
        <translation>Штаб-квартира</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="47"/>
        <source>HQ root fingerprint</source>
        <translation>Корневой отпечаток штаб-квартиры</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="48"/>
        <source>Changes waiting for HQ</source>
        <translation>Изменения, ждущие отправки</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="49"/>
        <source>Bundles from HQ held</source>
        <translation>Задержанные пакеты от штаб-квартиры</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="50"/>
        <source>Open conflicts</source>
        <translation>Открытые конфликты</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="51"/>
        <source>Quarantined changes</source>
        <translation>Изменения в карантине</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="52"/>
        <source>Last sync</source>
        <translation>Последняя синхронизация</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="53"/>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="56"/>
        <source>Review conflicts…</source>
        <translation>Просмотреть конфликты…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="142"/>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="84"/>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="239"/>
        <source>Sync now</source>
        <translation>Синхронизировать сейчас</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="86"/>
        <source>Export to folder…</source>
        <translation>Экспорт в папку…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="88"/>
        <source>Import from folder…</source>
        <translation>Импорт из папки…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="90"/>
        <source>Enrol from file…</source>
        <translation>Регистрация из файла…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="104"/>
        <source>Sync automatically every</source>
        <translation>Синхронизировать автоматически каждые</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="109"/>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="113"/>
        <source>when HQ is reachable</source>
        <translation>когда штаб-квартира доступна</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="126"/>
        <source>Bundles sent and received</source>
        <translation>Отправленные и полученные пакеты</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="167"/>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="168"/>
        <source>Bundle</source>
        <translation>Пакет</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="169"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="170"/>
        <source>Changes</source>
        <translation>Изменения</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="171"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="95"/>
        <source>Enrolled as device {id}</source>
        <translation>Зарегистрировано как устройство {id}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="99"/>
        <source>Not enrolled — use Enrol from file… with the file HQ gave you</source>
        <translation>Не зарегистрировано — используйте «Регистрация из файла…» с файлом от штаб-квартиры</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="103"/>
        <source>revoked by HQ</source>
        <translation>отозвано штаб-квартирой</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="107"/>
        <source>no address known (USB stick or shared folder)</source>
        <translation>адрес неизвестен (USB-накопитель или общая папка)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="112"/>
        <source>{n} records changed and not yet confirmed by HQ</source>
        <translation>Изменённых записей, ещё не подтверждённых штаб-квартирой: {n}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="116"/>
        <source>{b} bundles waiting for HQ&apos;s receipt</source>
        <translation>Пакетов, ждущих подтверждения штаб-квартиры: {b}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="131"/>
        <source>never (no receipt from HQ yet)</source>
        <translation>не было (подтверждений от штаб-квартиры ещё нет)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="132"/>
        <source>{when} (last receipt from HQ)</source>
        <translation>{when} (последнее подтверждение штаб-квартиры)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="143"/>
        <source>Export to folder</source>
        <translation>Экспорт в папку</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="144"/>
        <source>Import from folder</source>
        <translation>Импорт из папки</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="152"/>
        <source>succeeded</source>
        <translation>успешно</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="154"/>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="185"/>
        <source>confirmed by HQ {when}</source>
        <translation>подтверждено штаб-квартирой {when}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="186"/>
        <source>waiting for HQ&apos;s receipt</source>
        <translation>ждёт подтверждения штаб-квартиры</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="187"/>
        <source>enrolment request, waiting for HQ</source>
        <translation>запрос на регистрацию, ждёт штаб-квартиру</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="190"/>
        <source>applied {when}</source>
        <translation>применено {when}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="191"/>
        <source>held: an earlier bundle is missing</source>
        <translation>задержан: нет более раннего пакета</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="193"/>
        <source>Sent</source>
        <translation>Отправлен</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/status_view.py" line="194"/>
        <source>Received</source>
        <translation>Получен</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="180"/>
        <source>Send pending changes to HQ and fetch what HQ has for this laptop</source>
        <translation>Отправить ждущие изменения в штаб-квартиру и получить то, что она приготовила для этого ноутбука</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="182"/>
        <source>This build cannot reach HQ over the network: use a USB stick</source>
        <translation>Эта сборка не может связаться со штаб-квартирой по сети: используйте USB-накопитель</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="226"/>
        <source>Cancelled. What was already done is kept; nothing is half-applied.</source>
        <translation>Отменено. Уже сделанное сохранено; ничего не применено наполовину.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="240"/>
        <source>This build cannot reach HQ over the network: use a USB stick.</source>
        <translation>Эта сборка не может связаться со штаб-квартирой по сети: используйте USB-накопитель.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="247"/>
        <source>Syncing with HQ</source>
        <translation>Синхронизация со штаб-квартирой</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="260"/>
        <source>Sync failed</source>
        <translation>Синхронизация не удалась</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="269"/>
        <source>HQ address</source>
        <translation>Адрес штаб-квартиры</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="272"/>
        <source>HQ&apos;s address was not in your enrolment file. Type the address HQ gave you (for example https://hq.example.org):</source>
        <translation>В файле регистрации нет адреса штаб-квартиры. Введите адрес, который дала штаб-квартира (например, https://hq.example.org):</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="286"/>
        <source>An HQ address starts with https:// (or http://).</source>
        <translation>Адрес штаб-квартиры начинается с https:// (или http://).</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="294"/>
        <source>Sync finished.</source>
        <translation>Синхронизация завершена.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="294"/>
        <source>Sync did not finish.</source>
        <translation>Синхронизация не завершена.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="350"/>
        <source>Export bundles for HQ to…</source>
        <translation>Экспортировать пакеты для штаб-квартиры в…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="356"/>
        <source>Exporting bundles for HQ</source>
        <translation>Экспорт пакетов для штаб-квартиры</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="359"/>
        <source>Export failed</source>
        <translation>Экспорт не удался</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="366"/>
        <source>Bundles written to {folder}: {n}. Take them to HQ.</source>
        <translation>Пакетов записано в {folder}: {n}. Доставьте их в штаб-квартиру.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="394"/>
        <source>Bundles applied: {n} (changes: {c}, conflicts: {k}, quarantined: {q}, receipts: {r}).</source>
        <translation>Применено пакетов: {n} (изменений: {c}, конфликтов: {k}, в карантине: {q}, подтверждений: {r}).</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="405"/>
        <source>Held until an earlier bundle arrives: {n}.</source>
        <translation>Задержано до прихода более раннего пакета: {n}.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="370"/>
        <source>Nothing to send: HQ has confirmed every change.</source>
        <translation>Отправлять нечего: штаб-квартира подтвердила все изменения.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="375"/>
        <source>Import HQ&apos;s bundles from…</source>
        <translation>Импортировать пакеты штаб-квартиры из…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="381"/>
        <source>Importing bundles from HQ</source>
        <translation>Импорт пакетов от штаб-квартиры</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="384"/>
        <source>Import failed</source>
        <translation>Импорт не удался</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="407"/>
        <source>No bundle from HQ for this laptop in that folder.</source>
        <translation>В этой папке нет пакетов штаб-квартиры для этого ноутбука.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="416"/>
        <source>Refused {file}: {why}</source>
        <translation>Отклонён {file}: {why}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="424"/>
        <source>Some bundles were refused</source>
        <translation>Некоторые пакеты отклонены</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="438"/>
        <source>Enrolment file from HQ</source>
        <translation>Файл регистрации от штаб-квартиры</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="440"/>
        <source>Enrolment files (*.enrol *.json);;All files (*)</source>
        <translation>Файлы регистрации (*.enrol *.json);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="449"/>
        <source>This enrolment file cannot be used</source>
        <translation>Этот файл регистрации нельзя использовать</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="469"/>
        <source>Enrolling with HQ</source>
        <translation>Регистрация в штаб-квартире</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="472"/>
        <source>Enrolment failed</source>
        <translation>Регистрация не удалась</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="480"/>
        <source>Enrolled as device {id}. The enrolment request travels with the next sync or export.</source>
        <translation>Зарегистрировано как устройство {id}. Запрос на регистрацию уйдёт со следующей синхронизацией или экспортом.</translation>
    </message>
</context>
<context>
    <name>TaskProgressDialog</name>
    <message>
        <location filename="../../pp_desktop/ui/task_progress.py" line="37"/>
        <source>Working…</source>
        <translation>Выполняется…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/task_progress.py" line="42"/>
        <source>Starting…</source>
        <translation>Запуск…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/task_progress.py" line="50"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/task_progress.py" line="77"/>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <location filename="../../pp_desktop/ui/undo.py" line="76"/>
        <source>Edit %1</source>
        <translation>Изменение: %1</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/undo.py" line="132"/>
        <source>New %1</source>
        <translation>Создание: %1</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/undo.py" line="167"/>
        <source>Delete %1 %2</source>
        <translation>Удаление: %1 %2</translation>
    </message>
</context>
<context>
    <name>ValidationBanner</name>
    <message>
        <location filename="../../pp_desktop/ui/forms/validation_banner.py" line="35"/>
        <source>Fix these before saving:</source>
        <translation>Исправьте перед сохранением:</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/validation_banner.py" line="38"/>
        <source>Please check (you can still save):</source>
        <translation>Проверьте (сохранить всё равно можно):</translation>
    </message>
</context>
<context>
    <name>VaultStatusBar</name>
    <message>
        <location filename="../../pp_desktop/ui/status_bar.py" line="40"/>
        <source>Online</source>
        <translation>В сети</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/status_bar.py" line="40"/>
        <source>Offline</source>
        <translation>Нет сети</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/status_bar.py" line="60"/>
        <source>Vault: {folder}</source>
        <translation>Хранилище: {folder}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/status_bar.py" line="68"/>
        <source>unknown officer</source>
        <translation>сотрудник не указан</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/status_bar.py" line="70"/>
        <source>Officer: {name}</source>
        <translation>Сотрудник: {name}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/status_bar.py" line="73"/>
        <source>Waiting to sync: {n}</source>
        <translation>Ждут синхронизации: {n}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/status_bar.py" line="75"/>
        <source>Changes recorded on this laptop that have not yet been delivered to HQ</source>
        <translation>Изменения, сделанные на этом ноутбуке и ещё не доставленные в штаб-квартиру</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/status_bar.py" line="78"/>
        <source>Last sync: {when}</source>
        <translation>Последняя синхронизация: {when}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/status_bar.py" line="78"/>
        <source>never</source>
        <translation>не было</translation>
    </message>
</context>
<context>
    <name>WriteActions</name>
    <message>
        <location filename="../../pp_desktop/ui/write_actions.py" line="194"/>
        <source>Delete the selected %1?</source>
        <translation>Удалить выбранную запись (%1)?</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/write_actions.py" line="197"/>
        <source>Delete the %1 selected %2?</source>
        <translation>Удалить выбранные записи (%1, %2)?</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/write_actions.py" line="203"/>
        <source>Delete records</source>
        <translation>Удаление записей</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/write_actions.py" line="207"/>
        <source>They disappear from every list; the audit log keeps them, and Undo (Ctrl+Z) brings them back.</source>
        <translation>Они исчезнут из всех списков; журнал аудита их сохранит, а отмена (Ctrl+Z) вернёт их.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/write_actions.py" line="218"/>
        <source>Nothing was deleted</source>
        <translation>Ничего не удалено</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/write_actions.py" line="236"/>
        <source>Cannot undo or redo</source>
        <translation>Нельзя отменить или повторить</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/write_actions.py" line="239"/>
        <source>The step was dropped from the undo list; nothing was overwritten.</source>
        <translation>Шаг удалён из списка отмены; ничего не перезаписано.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/write_actions.py" line="249"/>
        <source>Record not available</source>
        <translation>Запись недоступна</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="21"/>
        <source>&amp;Vault</source>
        <translation>&amp;Хранилище</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="22"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="23"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="24"/>
        <source>&amp;Go</source>
        <translation>П&amp;ереход</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="25"/>
        <source>S&amp;ync</source>
        <translation>Син&amp;хронизация</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="26"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="66"/>
        <source>Go to the dashboard</source>
        <translation>Перейти к сводке</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="67"/>
        <source>Go to seizures</source>
        <translation>Перейти к изъятиям</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="68"/>
        <source>Go to prices</source>
        <translation>Перейти к ценам</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="69"/>
        <source>Go to projects</source>
        <translation>Перейти к проектам</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="70"/>
        <source>Go to recommendations</source>
        <translation>Перейти к рекомендациям</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="71"/>
        <source>Go to organisations</source>
        <translation>Перейти к организациям</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="72"/>
        <source>Go to contacts</source>
        <translation>Перейти к контактам</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="73"/>
        <source>Go to the audit log</source>
        <translation>Перейти к журналу аудита</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="74"/>
        <source>Go to sync: status, exchange with HQ, history</source>
        <translation>Перейти к синхронизации: состояние, обмен со штаб-квартирой, история</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="75"/>
        <source>Go to the conflicts waiting for your decision</source>
        <translation>Перейти к конфликтам, ждущим вашего решения</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="81"/>
        <source>&amp;Lock</source>
        <translation>&amp;Заблокировать</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="82"/>
        <source>Lock the vault: close every view, forget the key and return to the start screen</source>
        <translation>Заблокировать хранилище: закрыть все окна, забыть ключ и вернуться на начальный экран</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="93"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="94"/>
        <source>Officer profile, auto-lock delay and language of the interface</source>
        <translation>Профиль сотрудника, время автоблокировки и язык интерфейса</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="103"/>
        <source>&amp;Verify audit chain</source>
        <translation>П&amp;роверить цепочку аудита</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="104"/>
        <source>Check that no entry of the audit log was altered or removed</source>
        <translation>Проверить, что ни одна запись журнала аудита не изменена и не удалена</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="112"/>
        <source>&amp;Export to Excel…</source>
        <translation>&amp;Экспорт в Excel…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="113"/>
        <source>Write records to an Excel workbook (or CSV) for a national counterpart</source>
        <translation>Записать записи в книгу Excel (или CSV) для национального партнёра</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="122"/>
        <source>Export this &amp;list…</source>
        <translation>Экспорт этого &amp;списка…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="123"/>
        <source>Export the records of the current list, with its search and filters</source>
        <translation>Выгрузить записи текущего списка с его поиском и фильтрами</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="130"/>
        <source>Export blank &amp;template…</source>
        <translation>Экспорт пустого &amp;шаблона…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="131"/>
        <source>A workbook with headers and drop-down lists for a counterpart to fill in</source>
        <translation>Книга с заголовками и раскрывающимися списками для заполнения партнёром</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="138"/>
        <source>&amp;Import from Excel…</source>
        <translation>&amp;Импорт из Excel…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="139"/>
        <source>Preview and import a workbook a counterpart sent back (all or nothing)</source>
        <translation>Предпросмотр и импорт книги, присланной партнёром (всё или ничего)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="147"/>
        <source>Export projects to IA&amp;TI…</source>
        <translation>Экспорт проектов в IA&amp;TI…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="148"/>
        <source>Write assistance projects as an IATI 2.03 activity file</source>
        <translation>Записать проекты помощи как файл мероприятий IATI 2.03</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="154"/>
        <source>Import projects from IAT&amp;I…</source>
        <translation>Импорт проектов из IAT&amp;I…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="155"/>
        <source>Preview and import donors&apos; activities from an IATI file, by country and sector</source>
        <translation>Предпросмотр и импорт мероприятий доноров из файла IATI по стране и сектору</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="163"/>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="164"/>
        <source>Lock the vault and quit pp-desktop</source>
        <translation>Заблокировать хранилище и выйти из pp-desktop</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="172"/>
        <source>&amp;Find…</source>
        <translation>&amp;Найти…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="173"/>
        <source>Search the current list</source>
        <translation>Поиск в текущем списке</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="181"/>
        <source>&amp;Open record</source>
        <translation>&amp;Открыть запись</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="182"/>
        <source>Show the selected record (Enter in a list does the same)</source>
        <translation>Показать выбранную запись (то же делает Enter в списке)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="189"/>
        <source>&amp;New record…</source>
        <translation>&amp;Новая запись…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="190"/>
        <source>Create a record of the current list (a seizure from the dashboard)</source>
        <translation>Создать запись текущего списка (изъятие — со сводки)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="199"/>
        <source>&amp;Edit record…</source>
        <translation>&amp;Изменить запись…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="200"/>
        <source>Edit the selected record (double-click or Enter in a list does the same)</source>
        <translation>Изменить выбранную запись (то же делают двойной щелчок или Enter в списке)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="208"/>
        <source>&amp;Delete records…</source>
        <translation>&amp;Удалить записи…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="209"/>
        <source>Delete the selected records after confirmation (undo brings them back)</source>
        <translation>Удалить выбранные записи после подтверждения (отмена их вернёт)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="217"/>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="218"/>
        <source>Undo your last change of this session</source>
        <translation>Отменить последнее изменение этого сеанса</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="225"/>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="226"/>
        <source>Redo the change you undid</source>
        <translation>Повторить отменённое изменение</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="232"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="233"/>
        <source>Read the current page again from the vault</source>
        <translation>Заново прочитать текущую страницу из хранилища</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="246"/>
        <source>Sync &amp;now</source>
        <translation>Синхронизировать &amp;сейчас</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="247"/>
        <source>Send pending changes to HQ and fetch what HQ has for this laptop</source>
        <translation>Отправить ждущие изменения в штаб-квартиру и получить то, что она приготовила для этого ноутбука</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="257"/>
        <source>&amp;Export to folder…</source>
        <translation>Э&amp;кспорт в папку…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="258"/>
        <source>Write the bundles for HQ onto a USB stick or a shared folder</source>
        <translation>Записать пакеты для штаб-квартиры на USB-накопитель или в общую папку</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="266"/>
        <source>&amp;Import from folder…</source>
        <translation>И&amp;мпорт из папки…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="267"/>
        <source>Check and apply HQ&apos;s bundles for this laptop from a USB stick or folder</source>
        <translation>Проверить и применить пакеты штаб-квартиры для этого ноутбука с USB-накопителя или из папки</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="274"/>
        <source>En&amp;rol from file…</source>
        <translation>&amp;Регистрация из файла…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="275"/>
        <source>Enrol this vault with HQ&apos;s enrolment file, after checking HQ&apos;s fingerprint</source>
        <translation>Зарегистрировать хранилище по файлу регистрации штаб-квартиры, проверив её отпечаток</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="282"/>
        <source>&amp;Conflicts…</source>
        <translation>&amp;Конфликты…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="283"/>
        <source>Records changed here and elsewhere: compare both versions and decide</source>
        <translation>Записи, изменённые здесь и в другом месте: сравните обе версии и решите</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="293"/>
        <source>&amp;About pp-desktop</source>
        <translation>&amp;О программе pp-desktop</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="294"/>
        <source>Version and licence</source>
        <translation>Версия и лицензия</translation>
    </message>
</context>
<context>
    <name>error_messages</name>
    <message>
        <location filename="../../pp_desktop/ui/error_messages.py" line="73"/>
        <source>Wrong passphrase.</source>
        <translation>Неверная парольная фраза.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/error_messages.py" line="74"/>
        <source>The vault is intact, but this passphrase does not open it. Check the keyboard layout and Caps Lock, then try again. If you have forgotten it, your recovery key can set a new one.</source>
        <translation>Хранилище не повреждено, но эта парольная фраза его не открывает. Проверьте раскладку клавиатуры и Caps Lock и попробуйте снова. Если вы её забыли, ключ восстановления позволит задать новую.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/error_messages.py" line="83"/>
        <source>The key file is missing or damaged.</source>
        <translation>Файл ключа отсутствует или повреждён.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/error_messages.py" line="87"/>
        <source>The vault database is damaged.</source>
        <translation>База данных хранилища повреждена.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/error_messages.py" line="91"/>
        <source>This vault needs a newer pp-desktop.</source>
        <translation>Для этого хранилища нужна более новая версия pp-desktop.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/error_messages.py" line="95"/>
        <source>No vault in {folder}.</source>
        <translation>В папке {folder} нет хранилища.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/error_messages.py" line="97"/>
        <source>No vault in that folder.</source>
        <translation>В этой папке нет хранилища.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/error_messages.py" line="101"/>
        <source>Choose the folder that holds vault.db and vault.key, or create a new vault.</source>
        <translation>Выберите папку, где лежат vault.db и vault.key, или создайте новое хранилище.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/error_messages.py" line="108"/>
        <location filename="../../pp_desktop/ui/error_messages.py" line="112"/>
        <source>The vault could not be opened.</source>
        <translation>Не удалось открыть хранилище.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/error_messages.py" line="113"/>
        <source>An unexpected error occurred ({name}). Nothing was changed.</source>
        <translation>Произошла непредвиденная ошибка ({name}). Ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/error_messages.py" line="123"/>
        <source>Wrong recovery key.</source>
        <translation>Неверный ключ восстановления.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/error_messages.py" line="124"/>
        <source>This recovery key does not open this vault. Check it group by group (letters and digits, dashes optional); nothing was changed.</source>
        <translation>Этот ключ восстановления не открывает хранилище. Проверьте его группа за группой (буквы и цифры, дефисы необязательны); ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/error_messages.py" line="132"/>
        <location filename="../../pp_desktop/ui/error_messages.py" line="143"/>
        <source>That passphrase is not accepted.</source>
        <translation>Такая парольная фраза не принимается.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/error_messages.py" line="140"/>
        <source>A vault already exists there.</source>
        <translation>Там уже есть хранилище.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/error_messages.py" line="147"/>
        <source>The folder cannot be written.</source>
        <translation>В эту папку нельзя записать.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/error_messages.py" line="148"/>
        <source>{reason}. Choose another folder.</source>
        <translation>{reason}. Выберите другую папку.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/error_messages.py" line="154"/>
        <location filename="../../pp_desktop/ui/error_messages.py" line="157"/>
        <source>The vault could not be created.</source>
        <translation>Не удалось создать хранилище.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/error_messages.py" line="158"/>
        <source>An unexpected error occurred ({name}).</source>
        <translation>Произошла непредвиденная ошибка ({name}).</translation>
    </message>
</context>
<context>
    <name>exchange</name>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_work.py" line="48"/>
        <source>{done} of {total} rows written</source>
        <translation>Записано строк: {done} из {total}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/export_work.py" line="63"/>
        <source>Counting the records…</source>
        <translation>Подсчёт записей…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_work.py" line="79"/>
        <source>{n} rows checked</source>
        <translation>Проверено строк: {n}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_work.py" line="82"/>
        <source>Opening the workbook…</source>
        <translation>Открытие книги…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_work.py" line="114"/>
        <source>{n} records written</source>
        <translation>Записано записей: {n}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/import_work.py" line="117"/>
        <source>Writing the records…</source>
        <translation>Запись записей…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/wiring.py" line="74"/>
        <source>Export this list</source>
        <translation>Экспорт этого списка</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/wiring.py" line="75"/>
        <source>Open a list of records first (seizures, prices, projects…).</source>
        <translation>Сначала откройте список записей (изъятия, цены, проекты…).</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/common.py" line="34"/>
        <source>An import is written in one transaction: it cannot be stopped half-way.</source>
        <translation>Импорт записывается одной транзакцией: его нельзя остановить на полпути.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/common.py" line="80"/>
        <source>The file {name} could not be written or read: {reason}.</source>
        <translation>Не удалось записать или прочитать файл {name}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/common.py" line="83"/>
        <source>A file could not be written or read: {reason}.</source>
        <translation>Не удалось записать или прочитать файл: {reason}.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/exchange/common.py" line="87"/>
        <source>Something unexpected went wrong ({kind}); nothing was changed. The details are in the application log.</source>
        <translation>Произошёл непредвиденный сбой ({kind}); ничего не изменено. Подробности — в журнале программы.</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="121"/>
        <source>Acronym</source>
        <translation>Аббревиатура</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="122"/>
        <source>Actual end</source>
        <translation>Фактическое окончание</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="123"/>
        <source>Actual start</source>
        <translation>Фактическое начало</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="124"/>
        <source>Addressed to</source>
        <translation>Адресат</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="125"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="126"/>
        <source>Beneficiary agencies</source>
        <translation>Ведомства-получатели</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="127"/>
        <source>Beneficiary country</source>
        <translation>Страна-получатель</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="128"/>
        <source>Budget</source>
        <translation>Бюджет</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="129"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="130"/>
        <source>Concealment</source>
        <translation>Способ сокрытия</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="131"/>
        <source>Confidentiality</source>
        <translation>Конфиденциальность</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="132"/>
        <source>Contact id</source>
        <translation>Id контакта</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="133"/>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="134"/>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="135"/>
        <source>DAC sector</source>
        <translation>Сектор DAC</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="136"/>
        <source>Date observed</source>
        <translation>Дата наблюдения</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="137"/>
        <source>Date of seizure</source>
        <translation>Дата изъятия</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="138"/>
        <source>Departure country</source>
        <translation>Страна отправления</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="139"/>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="140"/>
        <source>Destination country</source>
        <translation>Страна назначения</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="141"/>
        <source>Donor</source>
        <translation>Донор</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="142"/>
        <source>Drug</source>
        <translation>Наркотик</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="143"/>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="144"/>
        <source>File name</source>
        <translation>Имя файла</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="145"/>
        <source>Follow up due</source>
        <translation>Срок контроля</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="146"/>
        <source>IATI identifier</source>
        <translation>Идентификатор IATI</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="147"/>
        <source>IATI organisation identifier</source>
        <translation>Идентификатор организации IATI</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="148"/>
        <source>Implementing organisation</source>
        <translation>Исполняющая организация</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="149"/>
        <source>Kilogram equivalent</source>
        <translation>Эквивалент в килограммах</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="150"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="151"/>
        <source>Latitude</source>
        <translation>Широта</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="152"/>
        <source>Longitude</source>
        <translation>Долгота</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="153"/>
        <source>Media type</source>
        <translation>Тип файла</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="154"/>
        <source>Meeting date</source>
        <translation>Дата встречи</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="155"/>
        <source>Name</source>
        <translation>Имя / название</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="156"/>
        <source>Nationalities of arrested persons</source>
        <translation>Гражданство задержанных</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="157"/>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="158"/>
        <source>Noted on</source>
        <translation>Дата заметки</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="159"/>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="160"/>
        <source>Organisation id</source>
        <translation>Id организации</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="161"/>
        <source>Origin country</source>
        <translation>Страна происхождения</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="162"/>
        <source>Owner entity</source>
        <translation>Тип владельца</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="163"/>
        <source>Owner id</source>
        <translation>Id владельца</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="164"/>
        <source>Per quantity</source>
        <translation>За количество</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="165"/>
        <source>Per unit</source>
        <translation>За единицу</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="166"/>
        <source>Period end</source>
        <translation>Конец периода</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="167"/>
        <source>Persons arrested</source>
        <translation>Задержано лиц</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="168"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="169"/>
        <source>Pillar</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="170"/>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="171"/>
        <source>Planned end</source>
        <translation>Плановое окончание</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="172"/>
        <source>Planned start</source>
        <translation>Плановое начало</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="173"/>
        <source>Price max</source>
        <translation>Цена макс.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="174"/>
        <source>Price min</source>
        <translation>Цена мин.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="175"/>
        <source>Price typical</source>
        <translation>Типичная цена</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="176"/>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="177"/>
        <source>Project id</source>
        <translation>Id проекта</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="178"/>
        <source>Province</source>
        <translation>Провинция</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="179"/>
        <source>Purity %</source>
        <translation>Чистота, %</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="180"/>
        <source>Purity max</source>
        <translation>Чистота макс.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="181"/>
        <source>Purity min</source>
        <translation>Чистота мин.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="182"/>
        <source>Purity typical</source>
        <translation>Типичная чистота</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="183"/>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="184"/>
        <source>Quantity known</source>
        <translation>Количество известно</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="185"/>
        <source>Recommendation id</source>
        <translation>Id рекомендации</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="186"/>
        <source>Role</source>
        <translation>Должность</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="187"/>
        <source>Sale level</source>
        <translation>Уровень продажи</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="188"/>
        <source>Seizing agency</source>
        <translation>Изъявшее ведомство</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="189"/>
        <source>Sha256</source>
        <translation>Sha256</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="190"/>
        <source>Site type</source>
        <translation>Тип места</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="191"/>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="192"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="193"/>
        <source>Source / reference</source>
        <translation>Источник / номер</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="194"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="195"/>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="196"/>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="197"/>
        <source>Transit countries</source>
        <translation>Страны транзита</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="198"/>
        <source>Transport mode</source>
        <translation>Вид транспорта</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="199"/>
        <source>Unit</source>
        <translation>Единица</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="200"/>
        <source>Working group</source>
        <translation>Рабочая группа</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <location filename="../../pp_desktop/ui/formatting.py" line="19"/>
        <source>Not known</source>
        <translation>Неизвестно</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/formatting.py" line="57"/>
        <source>{n} g</source>
        <translation>{n} г</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/formatting.py" line="58"/>
        <location filename="../../pp_desktop/ui/formatting.py" line="84"/>
        <source>{n} kg</source>
        <translation>{n} кг</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/formatting.py" line="79"/>
        <source>{n} kt</source>
        <translation>{n} тыс. т</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/formatting.py" line="81"/>
        <location filename="../../pp_desktop/ui/formatting.py" line="83"/>
        <source>{n} t</source>
        <translation>{n} т</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/formatting.py" line="91"/>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/formatting.py" line="91"/>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/formatting.py" line="114"/>
        <source>per {n} {unit}</source>
        <translation>за {n} {unit}</translation>
    </message>
</context>
<context>
    <name>lists</name>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="92"/>
        <source>Matching: {n}</source>
        <translation>Найдено: {n}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="93"/>
        <source>{title}: {n}</source>
        <translation>{title}: {n}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="171"/>
        <source>Seizure of {drug}, {where}, {date}</source>
        <translation>Изъятие: {drug}, {where}, {date}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="178"/>
        <source>Price of {drug}, {where}, {date}</source>
        <translation>Цена: {drug}, {where}, {date}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="186"/>
        <source>Seizures</source>
        <translation>Изъятия</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="187"/>
        <location filename="../../pp_desktop/ui/list_specs.py" line="415"/>
        <source>Seizure</source>
        <translation>Изъятие</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="191"/>
        <location filename="../../pp_desktop/ui/list_specs.py" line="223"/>
        <location filename="../../pp_desktop/ui/list_specs.py" line="237"/>
        <location filename="../../pp_desktop/ui/list_specs.py" line="265"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="199"/>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="206"/>
        <source>Kg equiv.</source>
        <translation>Экв. кг</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="214"/>
        <source>Transport</source>
        <translation>Транспорт</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="218"/>
        <location filename="../../pp_desktop/ui/list_specs.py" line="262"/>
        <location filename="../../pp_desktop/ui/list_specs.py" line="378"/>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="220"/>
        <source>Province</source>
        <translation>Провинция</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="222"/>
        <location filename="../../pp_desktop/ui/list_specs.py" line="263"/>
        <source>Drug</source>
        <translation>Наркотик</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="225"/>
        <location filename="../../pp_desktop/ui/list_specs.py" line="267"/>
        <source>Search place, notes, source…</source>
        <translation>Поиск по месту, примечаниям, источнику…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="232"/>
        <source>Prices</source>
        <translation>Цены</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="233"/>
        <source>Price observation</source>
        <translation>Наблюдение цены</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="242"/>
        <location filename="../../pp_desktop/ui/list_specs.py" line="264"/>
        <source>Level</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="243"/>
        <source>Typical</source>
        <translation>Типичная</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="244"/>
        <source>Minimum</source>
        <translation>Минимум</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="245"/>
        <source>Maximum</source>
        <translation>Максимум</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="248"/>
        <location filename="../../pp_desktop/ui/list_specs.py" line="294"/>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="254"/>
        <source>Per</source>
        <translation>За</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="258"/>
        <source>Purity %</source>
        <translation>Чистота, %</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="274"/>
        <source>Projects</source>
        <translation>Проекты</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="275"/>
        <location filename="../../pp_desktop/ui/list_specs.py" line="417"/>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="285"/>
        <location filename="../../pp_desktop/ui/list_specs.py" line="307"/>
        <source>Beneficiary</source>
        <translation>Получатель</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="303"/>
        <source>Implementing</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="308"/>
        <location filename="../../pp_desktop/ui/list_specs.py" line="346"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="309"/>
        <location filename="../../pp_desktop/ui/list_specs.py" line="348"/>
        <source>Pillar</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="311"/>
        <source>Search identifier, title, description…</source>
        <translation>Поиск по идентификатору, названию, описанию…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="312"/>
        <source>Project {id}</source>
        <translation>Проект {id}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="320"/>
        <source>Recommendations</source>
        <translation>Рекомендации</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="321"/>
        <location filename="../../pp_desktop/ui/list_specs.py" line="418"/>
        <source>Recommendation</source>
        <translation>Рекомендация</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="333"/>
        <source>Follow-up</source>
        <translation>Контроль</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="340"/>
        <source>Meeting</source>
        <translation>Встреча</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="347"/>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="350"/>
        <source>Search code or text…</source>
        <translation>Поиск по коду или тексту…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="352"/>
        <source>Recommendation {code}</source>
        <translation>Рекомендация {code}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="360"/>
        <source>Organisations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="361"/>
        <location filename="../../pp_desktop/ui/list_specs.py" line="399"/>
        <location filename="../../pp_desktop/ui/list_specs.py" line="419"/>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="373"/>
        <source>IATI identifier</source>
        <translation>Идентификатор IATI</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="377"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="380"/>
        <source>Search name or acronym…</source>
        <translation>Поиск по названию или аббревиатуре…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="389"/>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="390"/>
        <location filename="../../pp_desktop/ui/list_specs.py" line="420"/>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="404"/>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="407"/>
        <source>Search name, role, e-mail…</source>
        <translation>Поиск по имени, должности, эл. почте…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="416"/>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="425"/>
        <source>Audit log</source>
        <translation>Журнал аудита</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="426"/>
        <source>Entry</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="431"/>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="439"/>
        <source>When (UTC)</source>
        <translation>Когда (UTC)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="444"/>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="448"/>
        <location filename="../../pp_desktop/ui/list_specs.py" line="480"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="454"/>
        <location filename="../../pp_desktop/ui/list_specs.py" line="474"/>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="460"/>
        <source>Record id</source>
        <translation>Id записи</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="466"/>
        <source>Fields</source>
        <translation>Поля</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="483"/>
        <source>Create</source>
        <translation>Создание</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="484"/>
        <source>Update</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="485"/>
        <source>Delete</source>
        <translation>Удаление</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/list_specs.py" line="490"/>
        <source>Audit entry {seq}</source>
        <translation>Запись аудита {seq}</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="50"/>
        <source>Dashboard</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="51"/>
        <source>Seizures</source>
        <translation>Изъятия</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="52"/>
        <source>Prices</source>
        <translation>Цены</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="53"/>
        <source>Projects</source>
        <translation>Проекты</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="54"/>
        <source>Recommendations</source>
        <translation>Рекомендации</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="55"/>
        <source>Organisations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="56"/>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="57"/>
        <source>Audit log</source>
        <translation>Журнал аудита</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="61"/>
        <source>Sync</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/actions.py" line="62"/>
        <source>Conflicts</source>
        <translation>Конфликты</translation>
    </message>
</context>
<context>
    <name>records</name>
    <message>
        <location filename="../../pp_desktop/ui/forms/names.py" line="10"/>
        <source>seizure</source>
        <translation>изъятие</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/names.py" line="11"/>
        <source>price observation</source>
        <translation>наблюдение цены</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/names.py" line="12"/>
        <source>project</source>
        <translation>проект</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/names.py" line="13"/>
        <source>recommendation</source>
        <translation>рекомендация</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/names.py" line="14"/>
        <source>organisation</source>
        <translation>организация</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/names.py" line="15"/>
        <source>contact</source>
        <translation>контакт</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/names.py" line="18"/>
        <source>seizures</source>
        <translation>изъятия</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/names.py" line="19"/>
        <source>price observations</source>
        <translation>наблюдения цен</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/names.py" line="20"/>
        <source>projects</source>
        <translation>проекты</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/names.py" line="21"/>
        <source>recommendations</source>
        <translation>рекомендации</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/names.py" line="22"/>
        <source>organisations</source>
        <translation>организации</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/forms/names.py" line="23"/>
        <source>contacts</source>
        <translation>контакты</translation>
    </message>
</context>
<context>
    <name>services</name>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="11"/>
        <source> (and {0} more)</source>
        <translation> (и ещё {0})</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="12"/>
        <source>&apos;{0}&apos; is already used by another {1}.</source>
        <translation>«{0}» уже используется другой записью ({1}).</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="13"/>
        <source>&apos;{0}&apos; is already used.</source>
        <translation>«{0}» уже используется.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="14"/>
        <source>&apos;{0}&apos; is not a known {1} code.</source>
        <translation>«{0}» — неизвестный код ({1}).</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="15"/>
        <source>&apos;{0}&apos; is not a valid e-mail address.</source>
        <translation>«{0}» — недопустимый адрес эл. почты.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="16"/>
        <source>A vault already exists in {0}; nothing was overwritten.</source>
        <translation>В {0} уже есть хранилище; ничего не перезаписано.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="17"/>
        <source>A vault already exists there; nothing was overwritten.</source>
        <translation>Там уже есть хранилище; ничего не перезаписано.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="18"/>
        <source>Cannot filter {0} by {1}.</source>
        <translation>Нельзя фильтровать {0} по {1}.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="19"/>
        <source>Cannot sort {0} by {1}.</source>
        <translation>Нельзя сортировать {0} по {1}.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="20"/>
        <source>It is too easy to guess.</source>
        <translation>Её слишком легко угадать.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="21"/>
        <source>That attachment does not exist or was deleted.</source>
        <translation>Такого вложения нет или оно удалено.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="22"/>
        <source>That conflict does not exist or was already resolved.</source>
        <translation>Такого конфликта нет или он уже разрешён.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="23"/>
        <source>That passphrase is too common or predictable: {0} Use several unrelated words.</source>
        <translation>Эта парольная фраза слишком распространённая или предсказуемая: {0} Используйте несколько не связанных между собой слов.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="27"/>
        <source>That recovery key does not open this vault. Check it character by character (groups of letters and digits, dashes optional).</source>
        <translation>Этот ключ восстановления не открывает хранилище. Проверьте его посимвольно (группы букв и цифр, дефисы необязательны).</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="31"/>
        <source>That {0} does not exist or was deleted.</source>
        <translation>Такой записи ({0}) нет или она удалена.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="32"/>
        <source>That {0} is not a deleted record.</source>
        <translation>Эта запись ({0}) не удалена.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="33"/>
        <source>The backup is incomplete or damaged; nothing was restored.</source>
        <translation>Резервная копия неполная или повреждена; ничего не восстановлено.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="34"/>
        <source>The interrupted re-key had already re-encrypted the vault: use the NEW recovery key shown at the re-key, or your passphrase.</source>
        <translation>Прерванная смена ключа уже перешифровала хранилище: используйте НОВЫЙ ключ восстановления, показанный при смене ключа, или свою парольную фразу.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="38"/>
        <source>The key file belongs to another vault. Put the right vault.key beside this vault.db, or restore the vault from a backup.</source>
        <translation>Файл ключа принадлежит другому хранилищу. Положите нужный vault.key рядом с этим vault.db или восстановите хранилище из резервной копии.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="42"/>
        <source>The passphrase must have at least {0} characters.</source>
        <translation>Парольная фраза должна содержать не менее {0} символов.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="43"/>
        <source>The re-key was interrupted before the vault was re-encrypted: use your previous recovery key, or your passphrase, to finish it.</source>
        <translation>Смена ключа прервана до перешифрования хранилища: чтобы завершить её, используйте прежний ключ восстановления или свою парольную фразу.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="47"/>
        <source>The record to attach the file to does not exist.</source>
        <translation>Записи, к которой прикрепляется файл, не существует.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="48"/>
        <source>The vault could not be used.</source>
        <translation>Хранилище невозможно использовать.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="49"/>
        <source>The vault database ({0}) is missing from {1}. Restore the vault from a backup (pp-desktop restore).</source>
        <translation>База данных хранилища ({0}) отсутствует в {1}. Восстановите хранилище из резервной копии (pp-desktop restore).</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="53"/>
        <source>The vault database is damaged or is not a pp-desktop vault. Nothing was changed. Restore it from a backup (pp-desktop restore).</source>
        <translation>База данных хранилища повреждена или не является хранилищем pp-desktop. Ничего не изменено. Восстановите её из резервной копии (pp-desktop restore).</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="57"/>
        <source>The vault database is incomplete, empty or not encrypted: it is not a usable pp-desktop vault. Nothing was opened; restore it from a backup.</source>
        <translation>База данных хранилища неполная, пустая или не зашифрована: это не рабочее хранилище pp-desktop. Ничего не открыто; восстановите его из резервной копии.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="61"/>
        <source>The vault is locked. Unlock it first.</source>
        <translation>Хранилище заблокировано. Сначала разблокируйте его.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="62"/>
        <source>The vault&apos;s key file (vault.key) is missing or damaged, and no good copy was found. Restore the vault from a backup (pp-desktop restore).</source>
        <translation>Файл ключа хранилища (vault.key) отсутствует или повреждён, исправной копии не найдено. Восстановите хранилище из резервной копии (pp-desktop restore).</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="66"/>
        <source>The {0} of this conflict no longer exists.</source>
        <translation>Запись этого конфликта ({0}) больше не существует.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="67"/>
        <source>There is no vault in that folder. Create one with &apos;pp-desktop init&apos;.</source>
        <translation>В этой папке нет хранилища. Создайте его командой «pp-desktop init».</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="71"/>
        <source>There is no vault in {0}.</source>
        <translation>В {0} нет хранилища.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="72"/>
        <source>This vault was made by a newer version of pp-desktop. Update the application before opening it; nothing was changed.</source>
        <translation>Это хранилище создано более новой версией pp-desktop. Обновите программу, прежде чем открывать его; ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="76"/>
        <source>This {0} was changed elsewhere since you opened it (version {1}, you edited version {2}). Reopen it to see the changes.</source>
        <translation>Эта запись ({0}) изменена в другом месте после того, как вы её открыли (версия {1}, вы редактировали версию {2}). Откройте её заново, чтобы увидеть изменения.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="80"/>
        <source>Wrong passphrase. Check the keyboard layout and Caps Lock, then try again. If you have forgotten it, use your recovery key (pp-desktop recover).</source>
        <translation>Неверная парольная фраза. Проверьте раскладку клавиатуры и Caps Lock и попробуйте снова. Если вы её забыли, используйте ключ восстановления (pp-desktop recover).</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="84"/>
        <source>cannot be negative.</source>
        <translation>не может быть отрицательным.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="85"/>
        <source>choose &apos;mine&apos; or &apos;theirs&apos; for every conflicting field.</source>
        <translation>выберите «моё» или «их» для каждого конфликтующего поля.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="86"/>
        <source>give at least one price (typical, minimum or maximum).</source>
        <translation>укажите хотя бы одну цену (типичную, минимальную или максимальную).</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="87"/>
        <source>is before 1900.</source>
        <translation>раньше 1900 года.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="88"/>
        <source>is damaged (checksum mismatch).</source>
        <translation>повреждено (не совпадает контрольная сумма).</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="89"/>
        <source>is longer than {0} characters.</source>
        <translation>длиннее {0} символов.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="90"/>
        <source>is not a date (expected YYYY-MM-DD).</source>
        <translation>не является датой (ожидается ГГГГ-ММ-ДД).</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="91"/>
        <source>is not a field of this record.</source>
        <translation>не является полем этой записи.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="92"/>
        <source>is required (or mark the quantity as not known).</source>
        <translation>обязательно (или отметьте, что количество неизвестно).</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="93"/>
        <source>is required.</source>
        <translation>обязательно.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="94"/>
        <source>minimum price is above the maximum.</source>
        <translation>минимальная цена выше максимальной.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="95"/>
        <source>minimum purity is above the maximum.</source>
        <translation>минимальная чистота выше максимальной.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="96"/>
        <source>must be a number.</source>
        <translation>должно быть числом.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="97"/>
        <source>must be a whole number.</source>
        <translation>должно быть целым числом.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="98"/>
        <source>must be between {0} and {1}.</source>
        <translation>должно быть от {0} до {1}.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="99"/>
        <source>must be empty when the quantity is marked not known.</source>
        <translation>должно быть пустым, если количество отмечено как неизвестное.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="100"/>
        <source>must be greater than 0 (or mark it as not known).</source>
        <translation>должно быть больше 0 (или отметьте, что оно неизвестно).</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="101"/>
        <source>must be greater than 0.</source>
        <translation>должно быть больше 0.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="102"/>
        <source>must be mine, theirs or fields.</source>
        <translation>должно быть «моё», «их» или «по полям».</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="103"/>
        <source>must be yes or no.</source>
        <translation>должно быть «да» или «нет».</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="104"/>
        <source>refers to a {0} that does not exist.</source>
        <translation>ссылается на несуществующую запись ({0}).</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="105"/>
        <source>the actual end is before the actual start.</source>
        <translation>фактическое окончание раньше фактического начала.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="106"/>
        <source>the period ends before it starts.</source>
        <translation>период заканчивается раньше, чем начинается.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="107"/>
        <source>the planned end is before the planned start.</source>
        <translation>плановое окончание раньше планового начала.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="108"/>
        <source>typical price is above the maximum.</source>
        <translation>типичная цена выше максимальной.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="109"/>
        <source>typical price is below the minimum.</source>
        <translation>типичная цена ниже минимальной.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="110"/>
        <source>{0} is after today ({1}).</source>
        <translation>{0} позже сегодняшнего дня ({1}).</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="111"/>
        <source>{0} is not a province of {1}.</source>
        <translation>{0} не является провинцией страны {1}.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="112"/>
        <source>{0} is not an agency of {1}.</source>
        <translation>{0} не является ведомством страны {1}.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="113"/>
        <source>{0} is {1} MB; attachments are limited to {2} MB. Reduce or compress the file.</source>
        <translation>{0}: {1} МБ; вложения ограничены {2} МБ. Уменьшите или сожмите файл.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/service_texts.py" line="117"/>
        <source>{0} kg is unusually large: check the unit.</source>
        <translation>{0} кг — необычно много: проверьте единицу измерения.</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="42"/>
        <source>Seizure</source>
        <translation>Изъятие</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="43"/>
        <source>Price observation</source>
        <translation>Наблюдение цены</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="44"/>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="45"/>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="46"/>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="47"/>
        <source>Project donor</source>
        <translation>Донор проекта</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="48"/>
        <source>Recommendation</source>
        <translation>Рекомендация</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="49"/>
        <source>Progress note</source>
        <translation>Заметка о ходе</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="50"/>
        <source>Recommendation–project link</source>
        <translation>Связь рекомендации с проектом</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/conflicts_view.py" line="51"/>
        <source>Attachment</source>
        <translation>Вложение</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/running.py" line="78"/>
        <source>A file or folder could not be read or written{where}: {reason}.</source>
        <translation>Не удалось прочитать или записать файл или папку{where}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/running.py" line="82"/>
        <source>Something unexpected went wrong ({kind}); nothing was applied. The details are in the application log.</source>
        <translation>Произошёл непредвиденный сбой ({kind}); ничего не применено. Подробности — в журнале программы.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_page.py" line="464"/>
        <source>Creating this laptop&apos;s keys…</source>
        <translation>Создание ключей этого ноутбука…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/wiring.py" line="46"/>
        <source>Records changed here and elsewhere that wait for your decision</source>
        <translation>Записи, изменённые здесь и в другом месте и ждущие вашего решения</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/wiring.py" line="171"/>
        <source>Open conflicts: {n}</source>
        <translation>Открытые конфликты: {n}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/work.py" line="32"/>
        <source>Sealing the changes made since the last export…</source>
        <translation>Упаковка изменений с момента последнего экспорта…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/work.py" line="41"/>
        <source>Writing bundle {n} of {total}…</source>
        <translation>Запись пакета {n} из {total}…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/work.py" line="61"/>
        <source>Checking bundle {n} of {total}…</source>
        <translation>Проверка пакета {n} из {total}…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/work.py" line="134"/>
        <source>Connecting to HQ…</source>
        <translation>Подключение к штаб-квартире…</translation>
    </message>
</context>
<context>
    <name>sync_texts</name>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="16"/>
        <source>The bundle is damaged or is not a pp-desktop bundle</source>
        <translation>Пакет повреждён или не является пакетом pp-desktop</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="17"/>
        <source>This bundle was made by a newer version of pp-desktop. Update the app, then import it again</source>
        <translation>Пакет создан более новой версией pp-desktop. Обновите программу и импортируйте его снова</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="22"/>
        <source>This bundle was made by a version of pp-desktop too old to be read</source>
        <translation>Пакет создан слишком старой версией pp-desktop и не может быть прочитан</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="25"/>
        <source>The bundle is larger than the size limit and was not opened</source>
        <translation>Пакет больше допустимого размера и не был открыт</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="26"/>
        <source>This bundle is not meant for this side (device or HQ)</source>
        <translation>Пакет предназначен не для этой стороны (устройство или штаб-квартира)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="27"/>
        <source>The bundle comes from a device or server this side does not know</source>
        <translation>Пакет пришёл от устройства или сервера, неизвестного этой стороне</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="30"/>
        <source>The sending device has been revoked; its later bundles are refused</source>
        <translation>Отправившее устройство отозвано; его последующие пакеты отклоняются</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="33"/>
        <source>The enrolment token is wrong or has expired; ask HQ for a new enrolment file</source>
        <translation>Токен регистрации неверен или истёк; запросите у штаб-квартиры новый файл регистрации</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="36"/>
        <source>The enrolment token has already been used; ask HQ for a new enrolment file</source>
        <translation>Токен регистрации уже использован; запросите у штаб-квартиры новый файл регистрации</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="39"/>
        <source>The bundle is signed by a key that does not belong to its sender</source>
        <translation>Пакет подписан ключом, не принадлежащим его отправителю</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="42"/>
        <source>The bundle&apos;s signature does not match its contents (damaged or altered)</source>
        <translation>Подпись пакета не соответствует его содержимому (повреждён или изменён)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="45"/>
        <source>The bundle&apos;s contents do not match the hash in its signed header</source>
        <translation>Содержимое пакета не соответствует хешу в его подписанном заголовке</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="48"/>
        <source>The bundle has expired; ask for a new one</source>
        <translation>Срок действия пакета истёк; запросите новый</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="49"/>
        <source>Another bundle with the same sequence number was already accepted from this sender</source>
        <translation>От этого отправителя уже принят другой пакет с тем же порядковым номером</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="53"/>
        <source>The bundle is encrypted for another recipient</source>
        <translation>Пакет зашифрован для другого получателя</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="54"/>
        <source>The bundle could not be decrypted (damaged or wrong key)</source>
        <translation>Не удалось расшифровать пакет (повреждён или неверный ключ)</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="55"/>
        <source>The bundle&apos;s encrypted header does not match its signed header</source>
        <translation>Зашифрованный заголовок пакета не совпадает с подписанным</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="58"/>
        <source>The bundle contains an item of the wrong shape</source>
        <translation>Пакет содержит элемент неверной структуры</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="59"/>
        <source>The bundle contains a record type this app does not know</source>
        <translation>Пакет содержит тип записи, неизвестный программе</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="60"/>
        <source>The bundle contains a field this app does not know</source>
        <translation>Пакет содержит поле, неизвестное программе</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="61"/>
        <source>HQ&apos;s root document is damaged</source>
        <translation>Корневой документ штаб-квартиры повреждён</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="62"/>
        <source>HQ&apos;s root document uses a newer format. Update the app</source>
        <translation>Корневой документ штаб-квартиры в более новом формате. Обновите программу</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="63"/>
        <source>HQ&apos;s root document is not signed by enough root keys</source>
        <translation>Корневой документ штаб-квартиры подписан недостаточным числом корневых ключей</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="64"/>
        <source>HQ&apos;s root document has expired</source>
        <translation>Срок действия корневого документа штаб-квартиры истёк</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="65"/>
        <source>HQ&apos;s root document is older than the one already installed</source>
        <translation>Корневой документ штаб-квартиры старше уже установленного</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="66"/>
        <source>HQ&apos;s root fingerprint does not match the one built into this app</source>
        <translation>Корневой отпечаток штаб-квартиры не совпадает со встроенным в программу</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="69"/>
        <source>HQ&apos;s online signing key has expired</source>
        <translation>Срок действия онлайн-ключа подписи штаб-квартиры истёк</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="70"/>
        <source>Synchronisation failed.</source>
        <translation>Синхронизация не удалась.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="71"/>
        <source>The key file could not be read.</source>
        <translation>Не удалось прочитать файл ключа.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="72"/>
        <source>Wrong passphrase for the key file. Check it and try again.</source>
        <translation>Неверная парольная фраза для файла ключа. Проверьте её и попробуйте снова.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="73"/>
        <source>The enrolment file is damaged or is not a pp-desktop enrolment file. Ask HQ for a new one.</source>
        <translation>Файл регистрации повреждён или не является файлом регистрации pp-desktop. Запросите новый у штаб-квартиры.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="78"/>
        <source>This vault is not enrolled with HQ yet. Run &apos;pp-desktop sync enrol FILE&apos; with the enrolment file HQ gave you.</source>
        <translation>Хранилище ещё не зарегистрировано в штаб-квартире. Выполните «pp-desktop sync enrol ФАЙЛ» с файлом регистрации от штаб-квартиры.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="83"/>
        <source>This vault was restored from a backup or copied. Import HQ&apos;s latest bundles first (&apos;pp-desktop sync import FOLDER&apos;), so that nothing is sent twice or lost.</source>
        <translation>Хранилище восстановлено из резервной копии или скопировано. Сначала импортируйте последние пакеты штаб-квартиры («pp-desktop sync import ПАПКА»), чтобы ничего не было отправлено дважды или потеряно.</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/sync/sync_texts.py" line="88"/>
        <source>This vault is already enrolled with HQ.</source>
        <translation>Хранилище уже зарегистрировано в штаб-квартире.</translation>
    </message>
</context>
<context>
    <name>vault_reads</name>
    <message>
        <location filename="../../pp_desktop/ui/vault_reads.py" line="67"/>
        <source>{done} of {total} entries checked</source>
        <translation>Проверено записей: {done} из {total}</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/vault_reads.py" line="81"/>
        <source>Checking {total} entries…</source>
        <translation>Проверка записей: {total}…</translation>
    </message>
    <message>
        <location filename="../../pp_desktop/ui/vault_reads.py" line="85"/>
        <source>{n} entries checked</source>
        <translation>Проверено записей: {n}</translation>
    </message>
</context>
</TS>

/** Russian strings of the treaty-participation views (terminology of the Russian texts of the treaties). */
import type { TreatyMessages } from './en.js';

export const treatiesRu: TreatyMessages = {
  'asOf.label': 'Положение на дату',
  'asOf.today': 'Вернуться к сегодняшнему дню',
  'asOf.hint':
    'Рассчитано по датированным сведениям о подписании, ратификации и выходе, каждое со ссылкой на источник.',

  'standing.party': 'Участник',
  'standing.consented': 'Ратифицировал — ещё не вступил в силу',
  'standing.signed': 'Подписал',
  'standing.withdrawal-pending': 'Выход не вступил в силу',
  'standing.withdrawn': 'Вышел',
  'standing.ratification-withdrawn': 'Ратификация отозвана',
  'standing.expired': 'Срок действия договора истёк',
  'standing.not-signed': 'Не подписал',
  'consent.ratification': 'ратификация',
  'consent.accession': 'присоединение',
  'consent.succession': 'правопреемство',
  'consent.acceptance': 'принятие',
  'consent.approval': 'утверждение',
  'consent.consent-to-be-bound': 'согласие на обязательность',

  'participation.title': 'Участие на {date}',
  'participation.none': 'Сведений о подписании, ратификации или выходе по этому документу нет.',
  'participation.basis':
    'Рассчитано по {count} событиям, известным на эту дату. Государство, о котором событий нет, считается не подписавшим.',
  'participation.legend': 'Государства по статусу',

  'eif.title': 'Вступление в силу',
  'eif.inForce': 'В силе с {date}',
  'eif.computed': 'Дата рассчитана по известным ратификациям согласно условию вступления в силу.',
  'eif.recorded': 'Дата по данным депозитария: известных ратификаций меньше, чем требует условие.',
  'eif.notInForce': 'Не в силе на {date}',
  'eif.count': 'Ратификации и присоединения: {consents} из {required} необходимых.',
  'eif.pending':
    'Необходимое число достигнуто; документ вступает в силу по истечении срока, установленного условием.',
  'eif.annex': 'Государства из приложения 2, ратифицировавшие договор: {done} из {required}.',
  'eif.missing': 'Государства из приложения 2, ещё не ратифицировавшие договор ({count})',
  'eif.perState':
    'Вступает в силу для каждого государства с его собственной ратификации; единой даты вступления в силу нет.',
  'eif.rule': 'Условие',

  'chart.map': 'Карта',
  'chart.mapAlt':
    'Карта мира: положение в отношении {instrument} на {date}, цвета статусов — как в легенде. Те же сведения приведены в таблице ниже.',
  'chart.timeline': 'Динамика',
  'chart.timelineAlt':
    'График числа подписавших государств и участников {instrument} во времени, по {date}. Даты приведены в таблице ниже.',
  'chart.failed': 'Не удалось загрузить изображение.',

  'parties.title': 'Государства, о которых есть сведения',
  'parties.filter': 'Статус',
  'parties.allStandings': 'Все статусы',
  'parties.none': 'На эту дату ни одно государство не имеет такого статуса.',
  'col.state': 'Государство',
  'col.standing': 'Статус',
  'col.signed': 'Подписание',
  'col.consented': 'Ратификация или присоединение',
  'col.inForceFrom': 'В силе с',
  'col.withdrawal': 'Выход',
  'col.sources': 'Источники',
  'col.protocol': 'Протокол',
  'withdrawal.notice': 'Уведомление: {date}',
  'withdrawal.effective': 'Вступает в силу: {date}',
  'sources.show': 'Источники ({count})',
  'sources.withNotes': 'Источники и примечания ({count})',
  'sources.notes': 'Примечания',

  'state.treaties': 'Договоры',
  'state.noTreaties': 'Сведений о подписании, ратификации или выходе этого государства нет.',

  'nwfz.title': 'Протоколы к договорам о зонах, свободных от ядерного оружия',
  'nwfz.link':
    'Государства, обладающие ядерным оружием, и протоколы к договорам о зонах, свободных от ядерного оружия',
  'nwfz.intro':
    'Что каждое из пяти государств, обладающих ядерным оружием, подписало и ратифицировало из каждого протокола на выбранную дату, по известным событиям.',
  'nwfz.caption':
    'Протоколы (строки) и государства, обладающие ядерным оружием (столбцы), на {date}',
  'nwfz.signed': 'Подписание',
  'nwfz.ratified': 'Ратификация',
  'nwfz.neither': 'Не подписан и не ратифицирован',
  'nwfz.details': 'Источники и примечания: {protocol}, {state}',
  'nwfz.legendRatified': 'Ратифицирован',
  'nwfz.legendSigned': 'Подписан, не ратифицирован',
  'nwfz.empty': 'Сведений о протоколах нет.',
};
